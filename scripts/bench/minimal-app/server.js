// The bench's reference server: Express serving the built minimal Remix app on PORT (0 = a free port),
// printing the port it got as its first line so the bench can find it.
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import * as build from "./build/index.js";

const app = express();
app.disable("x-powered-by");
// The bench waits on /healthz after each load, for this server as for the app.
app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log(String(server.address().port)));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
