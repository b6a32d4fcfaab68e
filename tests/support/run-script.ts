import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/<script>.ts` through tsx as `npm run <script> -- args` does, against the database `uri`, with
 * `stdin` piped in and `env` added (a locale, say); resolves with the exit code and the output.
 */
export function runScript(input: { script: string; args: string[]; uri: string; stdin?: string; env?: Record<string, string> }) {
  return new Promise<ScriptResult>((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts", `${input.script}.ts`), ...input.args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: input.uri, NODE_ENV: "development", LOG_LEVEL: "silent", ...input.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input.stdin ?? "");
  });
}
