import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { ClientKeyer } from "../app/utils/client-address.server";
import { refuse } from "./refuse";

const HCAPTCHA = "https://hcaptcha.com https://*.hcaptcha.com";

/** Per-request nonce, request id and keyed client hash (the app's client-address rule); strict security headers with a nonce-based CSP. */
export function securityHeaders({ production, clientKeyOf }: { production: boolean; clientKeyOf: ClientKeyer["keyOf"] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.locals.requestId = randomBytes(6).toString("hex");
    res.locals.clientKey = clientKeyOf({ peer: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"] });
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' ${HCAPTCHA}`,
      `frame-src ${HCAPTCHA}`,
      `style-src 'self' 'unsafe-inline' ${HCAPTCHA}`,
      `connect-src 'self' ${HCAPTCHA}`,
      "img-src 'self' data:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      production ? "upgrade-insecure-requests" : "",
    ].filter(Boolean);
    res.setHeader("Content-Security-Policy", csp.join("; "));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("X-Request-Id", res.locals.requestId as string);
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/** The host an Origin header names, or null when it is "null", malformed or not http(s). */
export function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  const url = new URL(origin);
  return (url.protocol === "http:" || url.protocol === "https:") && url.host ? url.host : null;
}

/** Refuses state-changing requests sent by a page on another origin (CSRF), and any Origin we cannot read. */
export function sameOriginMutations(req: Request, res: Response, next: NextFunction) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  const sameOrigin = origin === undefined ? req.get("sec-fetch-site") !== "cross-site" : originHost(origin) === req.get("host");
  if (sameOrigin) return next();
  refuse(req, res, 403, "cross_origin", { vi: "Yêu cầu từ trang web khác bị từ chối.", en: "Requests from another site are refused." });
}

/** Open data is readable from any origin; nothing else is. */
export function openDataCors(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    if (req.method === "OPTIONS") return void res.sendStatus(204);
  }
  next();
}
