/** Prints the findings of wapiti's JSON report, grouped the way it groups them, one line per finding. */
import { z } from "zod";

const Finding = z.object({ method: z.string(), path: z.string(), info: z.string(), level: z.number(), parameter: z.string() });
const Group = z.record(z.string(), z.array(Finding));
const ReportSchema = z.object({ vulnerabilities: Group, anomalies: Group, additionals: Group.optional() });

type WapitiReport = z.infer<typeof ReportSchema>;
type Finding = z.infer<typeof Finding>;

export function parseReport(text: string): WapitiReport {
  return ReportSchema.parse(JSON.parse(text));
}

/** One finding per line; the same info on many URLs (a header missing everywhere) collapses into one line with a count. */
function findingLines(findings: Finding[]): string[] {
  const byInfo = new Map<string, Finding[]>();
  for (const finding of findings) byInfo.set(finding.info, [...(byInfo.get(finding.info) ?? []), finding]);
  return [...byInfo.entries()].map(([info, same]) => {
    const first = same[0]!;
    const where = `${first.method} ${first.path}${first.parameter ? ` [${first.parameter}]` : ""}`;
    const more = same.length > 1 ? ` (and ${same.length - 1} more)` : "";
    return `    ${where}${more}: ${info.replace(/\s+/g, " ").trim()}`;
  });
}

/** The findings as text: every category with at least one entry; the number of findings is returned beside it. */
export function formatReport(report: WapitiReport): { text: string; count: number } {
  const lines: string[] = [];
  let count = 0;
  for (const [title, groups] of [
    ["Vulnerabilities", report.vulnerabilities],
    ["Anomalies", report.anomalies],
    ["Additional findings", report.additionals ?? {}],
  ] as const) {
    const found = Object.entries(groups).filter(([, findings]) => findings.length > 0);
    lines.push(`${title}: ${found.length === 0 ? "none" : ""}`.trimEnd());
    for (const [category, findings] of found) {
      count += findings.length;
      lines.push(`  ${category} (${findings.length})`, ...findingLines(findings));
    }
  }
  return { text: lines.join("\n"), count };
}
