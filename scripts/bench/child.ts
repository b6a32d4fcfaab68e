/** The bench's child servers (the minimal app, our production server): never left running after the bench. */
import type { ChildProcess } from "node:child_process";

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => (clearTimeout(timer), resolve()));
    child.kill("SIGTERM");
  });
}

/**
 * Kills `child` if the bench exits first, whatever way it ends; the returned stop asks it to end (SIGTERM)
 * and kills it after `graceMs`.
 */
export function stopperFor(child: ChildProcess, graceMs: number): () => Promise<void> {
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  return async () => {
    process.off("exit", kill);
    await stopChild(child, graceMs);
  };
}
