import { describe, expect, it } from "vitest";
import { action as decideApi } from "../../app/routes/api.v1.moderation.feedback.$id";
import { loader as trackingApi } from "../../app/routes/api.v1.feedback.$trackingCode";
import { loader as summaryApi } from "../../app/routes/api.v1.summary";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const context = { cspNonce: "", requestId: "t", clientKey: "k" };

async function summaryRow(orgCode: string) {
  const request = new Request("http://localhost/api/v1/summary?period=2011&groupBy=organization");
  const response = (await summaryApi({ request, params: {}, context })) as Response;
  const body = (await response.json()) as { rows: { key: string; agree: number; pending: number; total: number }[] };
  return body.rows.find((row) => row.key === orgCode);
}

describe("four racing approvals through the JSON API", () => {
  it("one answers 200, three answer 409, summary totals move by exactly one, and tracking shows it published", async () => {
    await createPeriod();
    const org = await createRatedOrganization({ code: "DN-0777", name: "Chi bộ Ấp Bình Lợi", period: "2011" });
    await createPendingFeedback({ ...org, stance: "agree" });
    const item = await createPendingFeedback({ ...org, stance: "agree" });
    const moderators = await Promise.all([1, 2, 3, 4].map(() => createStaff("moderator")));
    const before = await summaryRow("DN-0777");
    expect(before).toMatchObject({ agree: 0, pending: 2 });

    const responses = (await Promise.all(
      moderators.map((m) => {
        const request = new Request(`http://localhost/api/v1/moderation/feedback/${item.id}`, {
          method: "POST",
          headers: { Cookie: m.cookie, "Content-Type": "application/json" },
          body: JSON.stringify({ decision: "approve" }),
        });
        return decideApi({ request, params: { id: item.id }, context });
      }),
    )) as Response[];

    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = responses.find((r) => r.status === 200)!;
    expect(await winner.json()).toMatchObject({ id: item.id, trackingCode: item.trackingCode, status: "approved" });
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(await loser.json()).toEqual({
        error: { code: "already_decided", message: "Ý kiến này đã được người khác xử lý trước. Hãy tải lại hàng chờ." },
      });
    }

    const after = await summaryRow("DN-0777");
    expect(after).toMatchObject({ agree: before!.agree + 1, pending: before!.pending - 1 });

    const tracking = (await trackingApi({
      request: new Request(`http://localhost/api/v1/feedback/${item.trackingCode}`),
      params: { trackingCode: item.trackingCode },
      context,
    })) as Response;
    expect(await tracking.json()).toMatchObject({ trackingCode: item.trackingCode, status: "approved" });
  });

  it("answers 400 with field errors for a rejection without a reason, and 404 for an unknown id", async () => {
    const moderator = await createStaff("moderator");
    const post = (id: string, body: unknown) =>
      decideApi({
        request: new Request(`http://localhost/api/v1/moderation/feedback/${id}`, {
          method: "POST",
          headers: { Cookie: moderator.cookie, "Content-Type": "application/json", "Accept-Language": "en" },
          body: JSON.stringify(body),
        }),
        params: { id },
        context,
      }) as Promise<Response>;
    const missing = await post("65a000000000000000000000", { decision: "reject" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: { code: "invalid_decision", fields: { reason: "Choose a reason for the rejection." } },
    });
    const unknown = await post("65a000000000000000000000", { decision: "approve" });
    expect(unknown.status).toBe(404);
  });
});
