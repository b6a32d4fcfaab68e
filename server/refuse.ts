import type { Request, Response } from "express";

/** Refusals made before Remix runs: JSON for /api, a small bilingual page for everything else. */
export function refuse(req: Request, res: Response, status: number, code: string, message: { vi: string; en: string }): void {
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  if (req.path.startsWith("/api/")) {
    res.json({ error: { code, message: `${message.vi} / ${message.en}` } });
    return;
  }
  res
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Công Khai — ${status}</title><main><h1>${status}</h1><p>${message.vi}</p><p lang="en">${message.en}</p><p><a href="/">Trang chủ / Home</a></p></main></html>`,
    );
}
