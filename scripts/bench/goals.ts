/** The goals of issue 9, as data: each row of the table names one and is judged against it. */
import type { Stats } from "./load";

export interface Goal {
  /** Minimum requests/s at full load as a fraction of the minimal Remix route's. */
  ratio?: number;
  /** Maximum p99 at full load, ms. */
  p99?: number;
  /** Maximum median with one request at a time, ms. */
  idleP50?: number;
}

export const PUBLIC_PAGE: Goal = { ratio: 1 / 2, p99: 200, idleP50: 50 };
export const ORGANIZATION_PAGE: Goal = { ratio: 1 / 3, p99: 300, idleP50: 50 };
export const OPEN_DATA: Goal = { idleP50: 50 };
export const QUEUE_PAGE: Goal = { idleP50: 100 };
export const DECISION_P50_MS = 50;
export const INTAKE_PER_S = 50;
/** Public pages during the intake flood may take at most this many times their idle p99. */
export const FLOOD_SLOWDOWN = 2;
/** The server process's peak resident memory, MB. */
export const MEMORY_MB = 500;

function fraction(value: number): string {
  const inverse = Math.round(1 / value);
  return Math.abs(1 / inverse - value) < 1e-9 ? `1/${inverse}` : value.toFixed(2);
}

export function describeGoal(goal: Goal | undefined): string {
  if (!goal) return "";
  const parts: string[] = [];
  if (goal.ratio !== undefined) parts.push(`≥${fraction(goal.ratio)} minimal`);
  if (goal.p99 !== undefined) parts.push(`p99≤${goal.p99}ms`);
  if (goal.idleP50 !== undefined) parts.push(`idle p50≤${goal.idleP50}ms`);
  return parts.join(", ");
}

/** PASS when every part of the goal holds and the loaded run had no errors; "" when the row has no goal. */
export function judge(goal: Goal | undefined, idle: Stats, loaded: Stats, ratio: number): "PASS" | "MISS" | "" {
  if (!goal) return "";
  const checks = [
    goal.ratio === undefined || ratio >= goal.ratio,
    goal.p99 === undefined || (loaded.total > 0 && loaded.p99 <= goal.p99),
    goal.idleP50 === undefined || (idle.total > 0 && idle.p50 <= goal.idleP50),
    goal.ratio === undefined || (loaded.non2xx === 0 && loaded.errors === 0),
    idle.non2xx === 0 && idle.errors === 0,
  ];
  return checks.every(Boolean) ? "PASS" : "MISS";
}
