import type { SeedProgress } from "../../models/demo/demo";

const WIDTH = 20;

/** "[########............] 40% organizations": what the bar shows for one step. */
export function progressLine({ stage, done, total }: SeedProgress): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * WIDTH);
  return `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${stage}`;
}

/**
 * Progress on stderr: redrawn in place on a terminal, one plain line per step otherwise (CI logs,
 * pipes), so stdout keeps only the result.
 */
export function progressReporter(out: NodeJS.WriteStream = process.stderr, tty = Boolean(process.stdout.isTTY)): (p: SeedProgress) => void {
  return (progress) => {
    const line = progressLine(progress);
    if (!tty) out.write(`${line}\n`);
    else out.write(`\r${line.padEnd(WIDTH + 24)}${progress.done >= progress.total ? "\n" : ""}`);
  };
}
