import type { NextFunction, Request, Response } from "express";
import { refuse } from "./refuse";

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * Pages take GET and HEAD, and form posts: anything else is refused here with 405 or 415, where Remix
 * would hand it to an action whose formData() throws (a 500). The JSON API under /api keeps its own methods.
 */
export function pageMethods(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith("/api/") || req.method === "GET" || req.method === "HEAD") return next();
  if (req.method !== "POST") {
    res.setHeader("Allow", "GET, HEAD, POST");
    return refuse(req, res, 405, "method_not_allowed", {
      vi: "Trang này không nhận phương thức yêu cầu đó.",
      en: "This page does not accept that request method.",
    });
  }
  if (FORM_TYPES.test(req.get("content-type") ?? "")) return next();
  refuse(req, res, 415, "unsupported_media_type", {
    vi: "Trang này chỉ nhận dữ liệu gửi từ biểu mẫu.",
    en: "This page accepts form submissions only.",
  });
}
