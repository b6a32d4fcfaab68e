import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUser, login, ownClient } from "./support";

test.use(ownClient("races"));

// Races through the running server, where the Remix bundle's own copy of models/ does the work:
// the embedded FerretDB must still count every submission once and let one decision win.
const MODERATOR = { email: "duadua@congkhai.vn", password: "mật khẩu chạy đua 1" };

async function openEvaluation(request: APIRequestContext, code: string) {
  const detail = (await (await request.get(`/api/v1/organizations/${code}`)).json()) as {
    evaluations: { id: string; period: string; counters: { agree: number; pending: number } }[];
  };
  return detail.evaluations.find((evaluation) => evaluation.period === "2011")!;
}

test("20 residents posting at once raise pending by exactly 20", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const before = await openEvaluation(request, "LK-003");
  const statuses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      request
        .post("/api/v1/feedback", {
          headers: { "X-Forwarded-For": `203.0.113.${i + 1}` },
          data: { evaluation: before.id, stance: "agree", body: `Người dân thứ ${i + 1}: chi bộ sinh hoạt nền nếp, tôi đồng tình.` },
        })
        .then((response) => response.status()),
    ),
  );
  expect(statuses).toEqual(Array(20).fill(201));
  expect((await openEvaluation(request, "LK-003")).counters.pending).toBe(before.counters.pending + 20);
});

test("four racing approvals of one item: one wins, three get 409, counters move once", async ({ page, baseURL }) => {
  createUser(MODERATOR, "moderator");
  const before = await openEvaluation(page.request, "LK-004");
  const posted = await page.request.post("/api/v1/feedback", {
    headers: { "X-Forwarded-For": "203.0.113.200" },
    data: { evaluation: before.id, stance: "agree", body: "Đảng bộ gần dân, giải quyết kiến nghị nhanh; tôi đồng tình với xếp loại." },
  });
  expect(posted.status()).toBe(201);
  const { trackingCode } = (await posted.json()) as { trackingCode: string };

  await page.goto("/login");
  await login(page, MODERATOR);
  const queue = (await (await page.request.get("/api/v1/moderation/queue?status=pending&organization=LK-004&limit=100")).json()) as {
    items: { id: string; trackingCode: string }[];
  };
  const item = queue.items.find((entry) => entry.trackingCode === trackingCode);
  expect(item, "the new item is in the queue").toBeTruthy();

  const statuses = await Promise.all(
    Array.from({ length: 4 }, () =>
      page.request
        .post(`/api/v1/moderation/feedback/${item!.id}`, { headers: { Origin: baseURL! }, data: { decision: "approve" } })
        .then((r) => r.status()),
    ),
  );
  expect(statuses.sort()).toEqual([200, 409, 409, 409]);
  const after = await openEvaluation(page.request, "LK-004");
  expect(after.counters.agree).toBe(before.counters.agree + 1);
  expect(after.counters.pending).toBe(before.counters.pending);
  const tracking = (await (await page.request.get(`/api/v1/feedback/${trackingCode}`)).json()) as { status: string };
  expect(tracking.status).toBe("approved");
});
