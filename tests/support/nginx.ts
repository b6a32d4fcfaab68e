import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NGINX = "/usr/sbin/nginx";
const SITE_FILE = path.join(ROOT, "deploy/nginx/cong-khai.conf");

export interface RunningNginx {
  httpPort: number;
  httpsPort: number;
  /** The self-signed certificate nginx presents (for `ca` in https.request). */
  certificate: string;
  /** Where /build/ is served from: files written here are the "fingerprinted assets". */
  assetsDir: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (nginx binds it next). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The repository's site with this machine's ports, certificate and asset directory in place of the production ones. */
function renderSite({
  site,
  appPort,
  httpPort,
  httpsPort,
  certFile,
  keyFile,
  assetsDir,
}: {
  site: string;
  appPort: number;
  httpPort: number;
  httpsPort: number;
  certFile: string;
  keyFile: string;
  assetsDir: string;
}): string {
  const replacements: [RegExp, string][] = [
    [/server 127\.0\.0\.1:3000;/g, `server 127.0.0.1:${appPort};`],
    [/^\s*listen \[::\]:\d+.*$/gm, ""],
    [/listen 80;/g, `listen 127.0.0.1:${httpPort};`],
    [/listen 443 ssl http2;/g, `listen 127.0.0.1:${httpsPort} ssl http2;`],
    [/\/etc\/letsencrypt\/live\/congkhai\.example\.vn\/fullchain\.pem/g, certFile],
    [/\/etc\/letsencrypt\/live\/congkhai\.example\.vn\/privkey\.pem/g, keyFile],
    [/\/srv\/cong-khai\/public\/build\//g, `${assetsDir}/`],
  ];
  return replacements.reduce((text, [pattern, value]) => {
    // A production line the test no longer finds means the site changed shape: say so rather than test something else.
    if (!pattern.test(text)) throw new Error(`deploy/nginx/cong-khai.conf no longer contains ${String(pattern)}`);
    return text.replace(pattern, value);
  }, site);
}

/** nginx's own settings around the site, everything under `prefix` so it runs as the test's user. */
function mainConfig(prefix: string, siteFile: string): string {
  return `user ${userInfo().username};
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${siteFile};
}
`;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Debian's nginx in the foreground with the repository's site in front of the app on `appPort`. */
export async function startNginx({ appPort }: { appPort: number }): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx (.ci/run installs it)`);
  const prefix = mkdtempSync(path.join(tmpdir(), "cong-khai-nginx-"));
  const assetsDir = path.join(prefix, "assets");
  mkdirSync(assetsDir);
  const certFile = path.join(prefix, "cert.pem");
  const keyFile = path.join(prefix, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" },
  );
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const siteFile = path.join(prefix, "site.conf");
  writeFileSync(
    siteFile,
    renderSite({ site: readFileSync(SITE_FILE, "utf8"), appPort, httpPort, httpsPort, certFile, keyFile, assetsDir }),
  );
  const confFile = path.join(prefix, "nginx.conf");
  writeFileSync(confFile, mainConfig(prefix, siteFile));

  let stderr = "";
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", confFile, "-e", "stderr"], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  while (!(await portOpen(httpsPort))) {
    if (child.exitCode !== null) throw new Error(`nginx did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    httpPort,
    httpsPort,
    certificate: readFileSync(certFile, "utf8"),
    assetsDir,
    async stop() {
      // QUIT: finish open requests, then exit.
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
