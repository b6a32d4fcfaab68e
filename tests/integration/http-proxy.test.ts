import { writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FEEDBACK_LIMIT } from "../../app/utils/rate-limit.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { startNginx, type RunningNginx } from "../support/nginx";
import { spawnServer, type SpawnedServer } from "../support/spawn-server";
import { setupTestDatabase } from "./database";

/**
 * The deployment as the README describes it: Debian's nginx with the repository's site (deploy/nginx) terminating
 * TLS in front of the real server process, which trusts forwarded headers from nginx only (TRUST_PROXY). Clients
 * connect from different loopback addresses, so nginx sees different people.
 */
setupTestDatabase();

let server: SpawnedServer;
let nginx: RunningNginx;
let appPort = 0;
let evaluation = "";

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  evaluation = (await createRatedOrganization({ code: "PX-001", name: "Chi bộ Ấp Tân Hạnh", period: "2011" })).evaluationId;
  const uri = new URL(inject("databaseUri"));
  uri.pathname = `/${mongoose.connection.name}`;
  server = spawnServer({ MONGODB_URI: uri.toString(), TRUST_PROXY: "127.0.0.1/32" });
  appPort = (await server.logLine((line) => line.port !== undefined)).port!;
  await server.logLine((line) => line.message === "ready");
  nginx = await startNginx({ appPort });
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  if (server && server.child.exitCode === null) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request from `from` (a loopback address), through nginx over TLS unless `direct` sends it to the app itself. */
function send({
  from,
  pathname,
  method = "GET",
  headers = {},
  body,
  direct = false,
  plain = false,
}: {
  from: string;
  pathname: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  direct?: boolean;
  plain?: boolean;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = {
      host: "127.0.0.1",
      localAddress: from,
      path: pathname,
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) },
    };
    const done = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    };
    const req =
      direct || plain
        ? httpRequest({ ...options, port: direct ? appPort : nginx.httpPort }, done)
        : httpsRequest({ ...options, port: nginx.httpsPort, ca: nginx.certificate, servername: "localhost" }, done);
    req.on("error", reject);
    req.end(body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString("utf8")) as { trackingCode?: string; error?: { code: string } };

let comment = 0;
/** A comment on the test evaluation; each one different, so no duplicate check gets in the way. */
function postFeedback({ from, headers = {}, direct = false }: { from: string; headers?: Record<string, string>; direct?: boolean }) {
  comment += 1;
  const body = JSON.stringify({
    evaluation,
    stance: "agree",
    body: `Ý kiến số ${comment}: chi bộ sinh hoạt đều đặn, gần gũi với bà con trong ấp.`,
  });
  // The Origin a browser would send: the page's own origin, which the app compares with Host.
  const origin = direct ? `http://127.0.0.1:${appPort}` : `https://127.0.0.1:${nginx.httpsPort}`;
  return send({
    from,
    direct,
    pathname: "/api/v1/feedback",
    method: "POST",
    body,
    headers: { "content-type": "application/json", "accept-language": "en", origin, ...headers },
  });
}

/** The quota counts in fixed windows: start with the whole of one ahead (waits at most a few seconds). */
async function awayFromWindowEdge() {
  const left = FEEDBACK_LIMIT.windowMs - (Date.now() % FEEDBACK_LIMIT.windowMs);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

describe("nginx in front of the server", () => {
  it("redirects plain HTTP to HTTPS and serves pages over TLS with the app's headers and its own gzip", async () => {
    const redirect = await send({ from: "127.0.0.2", pathname: "/organizations?lng=en", plain: true });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("https://127.0.0.1/organizations?lng=en");

    const page = await send({ from: "127.0.0.2", pathname: "/organizations/PX-001?lng=en", headers: { "accept-encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(page.body).toString("utf8")).toContain("Chi bộ Ấp Tân Hạnh");
    expect(page.headers.server).toBe("nginx");
  });

  it("serves fingerprinted assets from public/build for a year, immutable, and never keeps a missing one", async () => {
    writeFileSync(path.join(nginx.assetsDir, "entry.client-ABCD1234.js"), "console.log('hello');\n");
    const asset = await send({ from: "127.0.0.2", pathname: "/build/entry.client-ABCD1234.js" });
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-type"]).toBe("application/javascript");
    const missing = await send({ from: "127.0.0.2", pathname: "/build/entry.client-00000000.js" });
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"]).toBeUndefined();
  });

  it("lets the app answer an oversized comment with its own 413 JSON", async () => {
    const body = JSON.stringify({ evaluation, stance: "agree", body: "x".repeat(100_000) });
    const answer = await send({
      from: "127.0.0.5",
      pathname: "/api/v1/feedback",
      method: "POST",
      body,
      headers: { "content-type": "application/json", origin: `https://127.0.0.1:${nginx.httpsPort}` },
    });
    expect(answer.status).toBe(413);
    expect(json(answer).error?.code).toBe("payload_too_large");
  });

  it("counts the feedback quota per real client: one resident's limit is not another's, and a forged X-Forwarded-For changes nothing", async () => {
    await awayFromWindowEdge();
    for (let i = 0; i < FEEDBACK_LIMIT.limit; i++) {
      const accepted = await postFeedback({ from: "127.0.0.2" });
      expect(accepted.status, accepted.body.toString()).toBe(201);
    }
    const refused = await postFeedback({ from: "127.0.0.2" });
    expect(refused.status).toBe(429);
    expect(json(refused).error?.code).toBe("rate_limited");
    // The same resident pretending to be someone else: nginx overwrites the header with the address it saw.
    expect((await postFeedback({ from: "127.0.0.2", headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(429);

    // Another resident behind the same nginx still has the whole quota.
    const neighbour = await postFeedback({ from: "127.0.0.3" });
    expect(neighbour.status, neighbour.body.toString()).toBe(201);
    expect(json(neighbour).trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
  });

  it("trusts X-Forwarded-For only from nginx: a client reaching the app directly cannot borrow or dodge an address", async () => {
    await awayFromWindowEdge();
    for (let i = 0; i < FEEDBACK_LIMIT.limit; i++) expect((await postFeedback({ from: "127.0.0.6", direct: true })).status).toBe(201);
    // Naming an address that still has its quota does not reset this client's count...
    expect((await postFeedback({ from: "127.0.0.6", direct: true, headers: { "x-forwarded-for": "127.0.0.7" } })).status).toBe(429);
    // ...and naming a limited one does not spend someone else's quota: 127.0.0.4 is counted as itself.
    expect((await postFeedback({ from: "127.0.0.4", direct: true, headers: { "x-forwarded-for": "127.0.0.6" } })).status).toBe(201);
  });
});
