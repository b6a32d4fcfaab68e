import type { Types } from "mongoose";
import { toCsv } from "../lib/csv";
import { Evaluation } from "../catalog/evaluation.server";
import { importColumns } from "./import-rows.server";
import { afterPosition } from "../db/keyset.server";
import { getPeriod } from "../catalog/period.server";

const PAGE = 1000;
const projection = { orgCode: 1, orgName: 1, kind: 1, district: 1, rating: 1, members: 1, memberCounts: 1, summary: 1 };

/** A period's evaluations, in code order, read in keyset pages (never one unbounded query). */
async function* evaluationsOf(period: string) {
  let after: { code: string; id: Types.ObjectId } | null = null;
  for (;;) {
    const filter: Record<string, unknown> = after
      ? afterPosition({ period }, { field: "orgCode", key: after.code, id: after.id, order: "asc" })
      : { period };
    const page = await Evaluation.find(filter, projection).sort({ orgCode: 1, _id: 1 }).limit(PAGE).lean();
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    after = { code: last.orgCode, id: last._id };
  }
}

/**
 * The period's evaluations as CSV in the import format (same header, same keys), so exporting
 * and importing the file again changes nothing. Feedback counters and contacts are not in it.
 */
export async function exportPeriodCsv({ period: code }: { period: string }): Promise<string | null> {
  const period = await getPeriod({ code });
  if (!period) return null;
  const rows: (string | number)[][] = [importColumns(period.memberScale)];
  for await (const ev of evaluationsOf(code)) {
    const counts = new Map(ev.memberCounts.map((m) => [m.key, m.count]));
    rows.push([
      ev.orgCode,
      ev.orgName,
      ev.kind,
      ev.district,
      ev.rating,
      ev.members,
      ev.summary ?? "",
      ...period.memberScale.map((entry) => counts.get(entry.key) ?? 0),
    ]);
  }
  return toCsv(rows);
}
