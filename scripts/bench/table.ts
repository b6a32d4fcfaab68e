/** The bench's one table: a row per target, idle and loaded figures side by side with the goal and its verdict. */
import type { Stats } from "./load";

export interface Row {
  name: string;
  idle?: Stats;
  loaded?: Stats;
  /** Loaded requests/s over the minimal Remix route's. */
  ratio?: number;
  goal: string;
  verdict: "PASS" | "MISS" | "";
  note?: string;
}

/** p50/p99 and rate of timings taken one at a time (decisions). */
export function statsOf(timesMs: number[], failures: number, elapsedMs: number): Stats {
  const sorted = [...timesMs].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : 0);
  return {
    rps: sorted.length / Math.max(elapsedMs / 1000, 0.001),
    p50: Math.round(at(0.5)),
    p99: Math.round(at(0.99)),
    total: sorted.length,
    non2xx: failures,
    errors: 0,
  };
}

const num = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function figures(stats: Stats | undefined): string[] {
  if (!stats) return ["", "", ""];
  if (stats.total === 0) return ["0", "—", "—"];
  return [num(stats.rps), `${stats.p50}`, `${stats.p99}`];
}

function failures(row: Row): string {
  const parts = [row.idle, row.loaded].filter((s): s is Stats => s !== undefined);
  if (parts.length === 0) return "";
  return `${parts.reduce((n, s) => n + s.non2xx, 0)}/${parts.reduce((n, s) => n + s.errors, 0)}`;
}

/**
 * A row for writes timed one at a time: `times` of the accepted ones, `refused` counted by status, judged
 * against a median goal.
 */
export function timedWritesRow({
  name,
  times,
  refused,
  goalMs,
  note,
}: {
  name: string;
  times: number[];
  refused: Record<string, number>;
  goalMs: number;
  note: string;
}): Row {
  const failures = Object.values(refused).reduce((a, b) => a + b, 0);
  const stats = statsOf(
    times,
    failures,
    times.reduce((a, b) => a + b, 0),
  );
  const refusedNote = failures
    ? `; refused ${Object.entries(refused)
        .map(([status, n]) => `${status}×${n}`)
        .join(" ")}`
    : "";
  return {
    name,
    idle: stats,
    goal: `p50≤${goalMs}ms`,
    verdict: times.length > 0 && stats.p50 <= goalMs ? "PASS" : "MISS",
    note: `${note}${refusedNote}`,
  };
}

export function renderTable(rows: Row[], connections: number): string {
  const header = [
    "target",
    "1c req/s",
    "p50 ms",
    "p99 ms",
    `${connections}c req/s`,
    "p50 ms",
    "p99 ms",
    "non2xx/err",
    "×minimal",
    "goal",
    "result",
    "note",
  ];
  const body = rows.map((row) => [
    row.name,
    ...figures(row.idle),
    ...figures(row.loaded),
    failures(row),
    row.ratio === undefined ? "" : row.ratio.toFixed(2),
    row.goal,
    row.verdict,
    row.note ?? "",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
