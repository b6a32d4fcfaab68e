// Pure and browser-safe: calendar days as the charts show them.

const DAY_MS = 86_400_000;
/** A chart spans at most this many days; a bad date in the data must not make a page build millions of rows. */
const MAX_DAYS = 3_660;

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every calendar day (YYYY-MM-DD) from the earliest row's day to the latest's, oldest first; a day without
 * a row gets `empty(day)`, so a chart shows quiet days as zero instead of hiding the gap.
 */
export function fillDayGaps<T extends { day: string }>({ rows, empty }: { rows: readonly T[]; empty: (day: string) => T }): T[] {
  const byDay = new Map(rows.filter((row) => Number.isFinite(dayNumber(row.day))).map((row) => [row.day, row]));
  if (byDay.size === 0) return [];
  const numbers = [...byDay.keys()].map(dayNumber);
  const first = Math.min(...numbers);
  const last = Math.min(Math.max(...numbers), first + MAX_DAYS - 1);
  const filled: T[] = [];
  for (let n = first; n <= last; n++) {
    const day = dayOf(n);
    filled.push(byDay.get(day) ?? empty(day));
  }
  return filled;
}
