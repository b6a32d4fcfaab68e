import { describe, expect, it } from "vitest";
import { ORGANIZATION_SCALE_2011 } from "../../models/lib/scales";
import { buildDemoData } from "../../models/demo/plan";
import { createRandom } from "../../models/demo/random";

const now = new Date("2012-06-01T00:00:00Z");
const data = buildDemoData(now);

describe("demo data generator", () => {
  it("gives the same data on every run", () => {
    const again = buildDemoData(new Date(now.getTime() + 3_600_000));
    expect(again.organizations.map((o) => [o.code, o.name, o.members])).toEqual(data.organizations.map((o) => [o.code, o.name, o.members]));
    expect(again.evaluations.map((e) => [e.rating, e.summary, e.counters])).toEqual(
      data.evaluations.map((e) => [e.rating, e.summary, e.counters]),
    );
    expect(again.feedback.map((f) => [f.trackingCode, f.body, f.status])).toEqual(
      data.feedback.map((f) => [f.trackingCode, f.body, f.status]),
    );
  });

  it("names each organization once, with a unique code and slug", () => {
    for (const field of ["name", "code", "slug"] as const) expect(new Set(data.organizations.map((o) => o[field])).size).toBe(920);
    expect(data.organizations.every((o) => /^[A-Z]{2}-\d{3}$/.test(o.code))).toBe(true);
    expect(data.organizations.every((o) => (o.kind === "dang-bo-co-so") === o.name.startsWith("Đảng bộ"))).toBe(true);
  });

  it("writes comments of 1–2,000 NFC characters, unique per evaluation, proposing only ratings on the scale", () => {
    const keys = new Set(ORGANIZATION_SCALE_2011.map((s) => s.key));
    expect(new Set(data.feedback.map((f) => f.dedupeKey)).size).toBe(data.feedback.length);
    expect(new Set(data.feedback.map((f) => f.body)).size).toBeGreaterThan(1000);
    for (const item of data.feedback) {
      expect(item.body.length).toBeGreaterThan(0);
      expect(item.body.length).toBeLessThanOrEqual(2000);
      expect(item.body).toBe(item.body.normalize("NFC"));
      if (item.proposedRating) expect(keys.has(item.proposedRating) && item.stance === "disagree").toBe(true);
    }
  });

  it("dates 2011 comments inside its open window and before the seeding time", () => {
    const window = data.periods.find((p) => p.code === "2011")!;
    const items = data.feedback.filter((f) => f.period === "2011");
    expect(items.every((f) => f.createdAt >= window.commentsOpenAt && f.createdAt <= now)).toBe(true);
    expect(items.every((f) => !f.moderation || f.moderation.decidedAt >= f.createdAt)).toBe(true);
  });

  it("keeps every member count non-negative and summing to the organization's members", () => {
    for (const e of data.evaluations) {
      expect(e.memberCounts.every((c) => c.count >= 0)).toBe(true);
      expect(e.memberCounts.reduce((sum, c) => sum + c.count, 0)).toBe(e.members);
    }
  });
});

describe("seeded random", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const sequence = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sequence);
    expect(createRandom(8).next()).not.toBe(sequence[0]);
  });
});
