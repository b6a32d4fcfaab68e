import { describe, expect, it } from "vitest";
import { createPageCache } from "../../server/page-cache";

const used = { nonce: "n0nce", requestId: "req-1" };
const fresh = { nonce: "fresh", requestId: "req-2" };

function html(body: string) {
  return new Response(body, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
}

describe("the page cache", () => {
  it("serves a stored page with the new request's nonce and id", async () => {
    const cache = createPageCache(() => 1);
    await cache.put("/a", html(`<script nonce="n0nce"></script><p>req-1</p>`), used, 1);
    expect(await cache.get("/a", fresh)?.text()).toBe(`<script nonce="fresh"></script><p>req-2</p>`);
  });

  it("forgets a page once public data has changed", async () => {
    let generation = 1;
    const cache = createPageCache(() => generation);
    await cache.put("/a", html("<p>old</p>"), used, 1);
    generation = 2;
    expect(cache.get("/a", fresh)).toBeNull();
  });

  it("keeps its memory bounded: large pages push out the oldest, not the newest", async () => {
    const cache = createPageCache(() => 1);
    const page = (letter: string) => html(letter.repeat(10_000_000));
    await cache.put("/first", page("a"), used, 1);
    await cache.put("/second", page("b"), used, 1);
    await cache.put("/third", page("c"), used, 1);
    expect(cache.get("/first", fresh)).toBeNull();
    expect(cache.get("/second", fresh)).not.toBeNull();
    expect(cache.get("/third", fresh)).not.toBeNull();
  });
});
