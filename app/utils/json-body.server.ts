const MAX_BODY_BYTES = 16_384;

export type JsonRead = { ok: true; value: Record<string, unknown> } | { ok: false; status: number; code: string; key: string };

/** The request's JSON object, or why not: wrong media type, too large, not JSON, or not an object (`key` names the feedback:errors message). */
export async function readJsonObject(request: Request): Promise<JsonRead> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    return { ok: false, status: 415, code: "unsupported_media_type", key: "unsupportedMediaType" };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, status: 413, code: "payload_too_large", key: "tooLarge" };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // falls through to the same answer as valid JSON that is not an object
  }
  return { ok: false, status: 400, code: "invalid_json", key: "invalidJson" };
}
