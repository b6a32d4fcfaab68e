import { PassThrough, type Transform } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { withoutTrailingNul } from "../../app/utils/html-stream.server";

/** The bytes React streams for a list of Vietnamese names, through `through`. */
function render(through: Transform): Promise<Buffer> {
  const items = Array.from({ length: 400 }, (_, i) => createElement("li", { key: i }, `Chi bộ ấp ${i}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    through.on("data", (chunk: Buffer) => chunks.push(chunk));
    through.on("end", () => resolve(Buffer.concat(chunks)));
    through.on("error", reject);
    const { pipe } = renderToPipeableStream(createElement("ul", null, items), {
      onAllReady: () => pipe(through),
      onError: reject,
    });
  });
}

describe("the HTML stream", () => {
  it("carries no NUL byte where a Vietnamese letter crosses React's buffer, and loses no text", async () => {
    const raw = (await render(new PassThrough())).toString("utf8");
    const cleaned = await render(withoutTrailingNul());
    expect(cleaned.includes(0)).toBe(false);
    expect(cleaned.toString("utf8")).toBe(raw.replaceAll("\u0000", ""));
    expect(cleaned.toString("utf8")).toContain("<li>Chi bộ ấp 399</li></ul>");
  });

  it("passes a chunk that ends in text unchanged", async () => {
    const stream = withoutTrailingNul();
    const chunk = Buffer.from("<p>Trong sạch vững mạnh</p>");
    const out = new Promise<Buffer>((resolve) => stream.once("data", resolve));
    stream.end(chunk);
    expect(await out).toBe(chunk);
  });
});
