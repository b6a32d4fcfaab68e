/**
 * Our server as production runs it, for the bench: the compiled build (`node build/server/index.js`),
 * NODE_ENV=production (React's production build), CAPTCHA=hcaptcha. Production refuses the embedded database
 * and CAPTCHA=off on purpose, so the bench starts the embedded FerretDB itself and passes its address as
 * MONGODB_URI, and answers hCaptcha's verify calls with a stand-in on loopback that always says success.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "../../app/utils/env.server";
import { startOrReuseEmbedded } from "../../embedded-db/launcher";
import { stopperFor } from "./child";
import { MEMORY_MB } from "./goals";
import { settle } from "./http";
import type { Row } from "./table";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER_ENTRY = path.join(projectRoot, "build/server/index.js");
const START_TIMEOUT_MS = 60_000;

export interface ProductionServer {
  url: string;
  pid: number;
  /** Resident set size of the server process now and at its peak (VmHWM), MB; null off Linux. */
  memory(): { rssMb: number; peakMb: number } | null;
  stop(): Promise<void>;
}

/** hCaptcha's siteverify as a stand-in: every token is good (the bench measures our work, not hCaptcha's). */
async function startVerifier(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end('{"success":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** CPU time (user + system, every thread) the process `pid` has used so far, ms; null off Linux. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function readMemory(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

/**
 * Starts the embedded database under `dataDir` (or reuses the one running there), the stand-in verifier and
 * the compiled server on `port` (0: a free one); resolves once /healthz answers. `nodeArgs` (--cpu-prof, say)
 * go to the server's node.
 */
export async function startProductionServer({
  dataDir,
  port,
  nodeArgs = [],
  log,
}: {
  dataDir: string;
  port: number;
  nodeArgs?: string[];
  log: (line: string) => void;
}): Promise<ProductionServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error("no build/server/index.js: run `npm run build` first");
  const database = await startOrReuseEmbedded(dataDir, log);
  const verifier = await startVerifier();
  const chosenPort = port || (await freePort());
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(chosenPort),
    MONGODB_URI: database.uri,
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(24).toString("base64url"),
    CAPTCHA: "hcaptcha",
    HCAPTCHA_SITEKEY: "bench-sitekey",
    HCAPTCHA_SECRET: "bench-secret",
    HCAPTCHA_VERIFY_URL: `http://127.0.0.1:${(verifier.address() as AddressInfo).port}/siteverify`,
    // The flood's residents each come from their own address, told by X-Forwarded-For from loopback.
    TRUST_PROXY: "1",
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], { cwd: projectRoot, env, stdio: ["ignore", "inherit", "inherit"] });
  const stopServer = stopperFor(child, 25_000);
  const url = `http://127.0.0.1:${chosenPort}`;
  const stop = async () => {
    await stopServer();
    verifier.close();
    await database.stop();
  };
  const exited = new Promise<null>((resolve) => child.once("exit", () => resolve(null)));
  const ready = await Promise.race([settle(url, { maxMs: START_TIMEOUT_MS, fastMs: 5000 }), exited]);
  if (ready === null) {
    await stop();
    throw new Error(`the production server did not become healthy at ${url}`);
  }
  log(`production server (NODE_ENV=production, CAPTCHA=hcaptcha via stand-in) at ${url}, pid ${child.pid}, database ${database.uri}`);
  return { url, pid: child.pid!, memory: () => readMemory(child.pid!), stop };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** With --serve: our server started here on DATA_DIR (the caller stops it); otherwise null, the one at --url is measured. */
export async function serverUnderTest(settings: { serve: boolean }, log: (line: string) => void): Promise<ProductionServer | null> {
  if (!settings.serve) return null;
  return startProductionServer({ dataDir: env().DATA_DIR, port: 0, log });
}

/** The server's resident memory after the run, against the 500 MB; nothing when it was not started here. */
export function memoryRow(server: ProductionServer | null): Row[] {
  const memory = server?.memory();
  if (!memory) return [];
  return [
    {
      name: "server memory (RSS)",
      goal: `peak≤${MEMORY_MB} MB`,
      verdict: memory.peakMb <= MEMORY_MB ? "PASS" : "MISS",
      note: `${memory.rssMb} MB now, peak ${memory.peakMb} MB`,
    },
  ];
}
