import { rebuildCampaignFlags } from "../../models/feedback/campaign-flags.server";
import { describe, expect, it } from "vitest";
import { createSession } from "../../models/accounts/auth.server";
import { catalogChanged } from "../../models/catalog/catalog-cache.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { User } from "../../models/accounts/user.server";
import { loader } from "../../app/routes/committee";
import { sessionCookie } from "../../app/utils/session.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";
import { decide, submitFeedback } from "./summary-feedback";
import { thrownBy } from "./route-call";

setupTestDatabase();
const app = setupHttpApp();

type Args = Parameters<typeof loader>[0];

async function cookieFor(role: "committee" | "moderator"): Promise<string> {
  const user = await User.create({ email: `${role}-${Date.now()}@example.vn`, role });
  return sessionCookie.serialize(await createSession({ userId: String(user._id) }));
}

function dashboard(query: string, cookie?: string) {
  const request = new Request(`http://localhost/committee?${query}`, {
    headers: cookie ? { Cookie: cookie, "Accept-Language": "vi" } : {},
  });
  return loader({ request, params: {}, context: {} } as Args);
}

async function rejection(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected the loader to throw a response");
}

describe("committee dashboard", () => {
  it("is for the committee role: anonymous visitors go to /login, moderators get 403", async () => {
    expect((await rejection(dashboard(""))).headers.get("Location")).toBe("/login?redirectTo=%2Fcommittee");
    expect((await thrownBy(dashboard("", await cookieFor("moderator")))).status).toBe(403);
  });

  it("lists organizations needing attention, the proposed-rating cross-table and year over year, with filters", async () => {
    await createPeriod({ code: "2011" });
    await createPeriod({ code: "2012", year: 2012 });
    const low = await createRatedOrganization({ code: "C-001", name: "Chi bộ Ấp Thấp", period: "2011", district: "Tân Phú" });
    const angry = await createRatedOrganization({ code: "C-002", name: "Chi bộ Ba Ý Kiến", period: "2011", district: "Biên Hòa" });
    for (let i = 0; i < 12; i++)
      await decide(await submitFeedback(low, i < 1 ? "agree" : "disagree", { proposedRating: "yeu-kem" }), "approved");
    for (let i = 0; i < 3; i++) await decide(await submitFeedback(angry, "disagree", { proposedRating: "hoan-thanh" }), "approved");
    const flagged = await submitFeedback(angry, "agree");
    await Feedback.updateOne({ _id: flagged.id }, { $set: { flags: [{ kind: "burst", detail: "5" }] } });
    // Set behind the intake's back, so counted the way summaries:rebuild counts it.
    await rebuildCampaignFlags({ period: "2011" });
    // The same organization rated again in 2012, its counters set as if 12 residents had taken a side.
    await Evaluation.create({
      period: "2012",
      organization: low.organizationId,
      orgCode: "C-001",
      orgName: "Chi bộ Ấp Thấp",
      nameSearch: "chi bo ap thap",
      kind: "chi-bo-co-so",
      district: "Tân Phú",
      rating: "tsvm",
      members: 40,
      counters: { agree: 10, disagree: 2, neutral: 0, pending: 0 },
    });
    await catalogChanged();

    const cookie = await cookieFor("committee");
    const page = await dashboard("period=2011&threshold=50", cookie);
    expect(page.attention.rows.map((row) => [row.key, row.reasons])).toEqual([
      ["C-001", ["low-agreement"]],
      ["C-002", ["campaign"]],
    ]);
    expect(page.crossTable.cells).toEqual({ tsvm: { "yeu-kem": 11, "hoan-thanh": 3 } });
    expect(page.byDistrict.map((row) => row.key)).toEqual(["Biên Hòa", "Tân Phú"]);
    expect(page.transparency).toMatchObject({ approved: 15, pending: 1 });
    expect(page.yearOverYear).toEqual([
      {
        key: "C-001",
        label: "Chi bộ Ấp Thấp",
        periods: {
          "2011": expect.objectContaining({ agreementRate: 0.0833, sides: 12 }),
          "2012": expect.objectContaining({ agreementRate: 0.8333, sides: 12 }),
        },
        change: 0.75,
      },
    ]);

    const filtered = await dashboard("period=2011&district=T%C3%A2n%20Ph%C3%BA", cookie);
    expect(filtered.byDistrict.map((row) => row.key)).toEqual(["Tân Phú"]);
    expect(filtered.crossTable.cells).toEqual({ tsvm: { "yeu-kem": 11 } });
    expect(filtered.attention.rows.map((row) => row.key)).toEqual(["C-001"]);

    const invalid = await dashboard("period=2011&threshold=abc", cookie);
    expect(invalid.thresholdError).toMatch(/1 đến 100/);
    expect(invalid.threshold).toBe(0.5);
  });

  it("pages the attention list 50 at a time, keeping the filters, and refuses a bad page number", async () => {
    await createPeriod({ code: "2013", year: 2013 });
    const codes = Array.from({ length: 55 }, (_, i) => `A-${String(i + 1).padStart(3, "0")}`);
    for (const code of codes) await createRatedOrganization({ code, name: `Chi bộ ${code}`, period: "2013", district: "Long Thành" });
    // One side in twelve agrees everywhere, so every organization is below the threshold and they rank by code.
    await Evaluation.updateMany({ period: "2013" }, { $set: { counters: { agree: 1, disagree: 11, neutral: 0, pending: 0 } } });
    await catalogChanged();
    const cookie = await cookieFor("committee");
    const filters = "period=2013&district=Long+Th%C3%A0nh&threshold=60";
    const html = async (query: string) => {
      const response = await fetch(app.url(`/committee?${query}`), { headers: { Cookie: cookie, "Accept-Language": "vi" } });
      const text = await response.text();
      // React 18 streamed NUL bytes where a Vietnamese letter crossed its 2,048-byte buffer (app/utils/html-stream.server.ts).
      expect(text).not.toContain("\u0000");
      return { status: response.status, text };
    };
    const listed = (text: string) => [...text.matchAll(/href="\/organizations\/(A-\d+)"/g)].map((match) => match[1]);

    const first = await html(filters);
    expect(first.status).toBe(200);
    expect(first.text).toContain("55 tổ chức cần chú ý; đang hiện 1–50.");
    expect(listed(first.text)).toEqual(codes.slice(0, 50));
    expect(first.text).toContain(`href="/committee?${filters.replaceAll("&", "&amp;")}&amp;page=2#attention"`);
    // Only the page shown travels in the loader data, not the whole list.
    const data = await dashboard(`${filters}&page=2`, cookie);
    expect(data.attention).toMatchObject({ total: 55, from: 51, to: 55, nextPage: null });
    expect(data.attention.rows.map((row) => row.key)).toEqual(codes.slice(50));

    const second = await html(`${filters}&page=2`);
    expect(second.text).toContain("55 tổ chức cần chú ý; đang hiện 51–55.");
    expect(listed(second.text)).toEqual(codes.slice(50));
    expect(second.text).toContain("Về trang đầu");
    expect(second.text).not.toContain("Trang sau");

    const past = await html(`${filters}&page=3`);
    expect(past.text).toContain("55 tổ chức cần chú ý; trang này đã quá cuối danh sách.");
    expect(listed(past.text)).toEqual([]);

    for (const page of ["0", "abc", "1.5", "1001"]) {
      const refused = await html(`${filters}&page=${page}`);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain("Tham số không hợp lệ.");
    }
  });
});
