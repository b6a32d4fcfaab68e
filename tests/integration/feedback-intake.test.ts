import { beforeAll, describe, expect, it } from "vitest";
import { loader as trackingApi } from "../../app/routes/api.v1.feedback.$trackingCode";
import { loader as trackingPage } from "../../app/routes/feedback.$trackingCode";
import { Feedback } from "../../models/feedback/feedback.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { BURST_WINDOW_MS } from "../../models/feedback/feedback-flags";
import { campaignFlagsByEvaluation } from "../../models/feedback/campaign-flags.server";
import { getEvaluationTarget, type EvaluationTarget } from "../../models/catalog/evaluation-target.server";
import { createFeedback, DuplicateFeedback } from "../../models/feedback/feedback-intake.server";
import { IntakeWindow } from "../../models/feedback/intake-window.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { postFeedback } from "./feedback-call";
import { callLoader } from "./route-call";

setupTestDatabase();

let first: EvaluationTarget;
let second: EvaluationTarget;

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  const a = await createRatedOrganization({ code: "K1", name: "Chi bộ khu phố 1", period: "2011" });
  const b = await createRatedOrganization({ code: "K2", name: "Chi bộ khu phố 2", period: "2011" });
  first = (await getEvaluationTarget({ evaluationId: a.evaluationId }))!;
  second = (await getEvaluationTarget({ evaluationId: b.evaluationId }))!;
});

async function stored(): Promise<{ feedback: number; codes: number }> {
  return { feedback: await Feedback.countDocuments({}), codes: await FeedbackCode.countDocuments({}) };
}

function send(target: EvaluationTarget, body: string, now?: Date, newCode?: () => string) {
  return createFeedback({ target, stance: "agree", body, isResident: true, locale: "vi" }, now, newCode);
}

describe("intake by tracking code", () => {
  it("stores a code document naming the item, and the tracking page and API find it by that code", async () => {
    const res = await postFeedback({ evaluation: first.id, stance: "agree", body: "Chi bộ giải quyết việc dân nhanh, tôi đồng tình." });
    expect(res.status).toBe(201);
    const code = String(res.json.trackingCode);
    const item = await Feedback.findOne({ trackingCode: code }, { _id: 1 }).lean();
    expect(String((await FeedbackCode.findById(code).lean())?.feedback)).toBe(String(item?._id));
    const api = (await callLoader(trackingApi, `/api/v1/feedback/${code}`, { trackingCode: code })) as Response;
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({
      trackingCode: code,
      status: "pending",
      organization: { code: "K1", name: "Chi bộ khu phố 1" },
    });
    const page = (await callLoader(trackingPage, `/feedback/${code}`, { trackingCode: code })) as unknown as {
      data: { tracking: { trackingCode: string; publicBody: string } };
    };
    expect(page.data.tracking).toMatchObject({ trackingCode: code, publicBody: "Chi bộ giải quyết việc dân nhanh, tôi đồng tình." });
  });

  it("refuses the same text twice with 409 and stores neither a second item nor a second code", async () => {
    const body = "Đề nghị chi bộ công khai kết quả họp dân hằng quý.";
    expect((await postFeedback({ evaluation: first.id, stance: "agree", body })).status).toBe(201);
    const before = await stored();
    const again = await postFeedback({
      evaluation: first.id,
      stance: "neutral",
      body: "đề nghị chi bộ CÔNG KHAI  kết quả họp dân hằng quý.",
    });
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("duplicate");
    await expect(send(first, body)).rejects.toBeInstanceOf(DuplicateFeedback);
    expect(await stored()).toEqual(before);
  });

  it("draws another code when the first one is taken, and gives up after five tries storing nothing", async () => {
    const taken = await send(first, "Ý kiến giữ mã AAAA.", undefined, () => "AAAA-AAAA-AA");
    expect(taken.trackingCode).toBe("AAAA-AAAA-AA");
    const owner = await FeedbackCode.findById("AAAA-AAAA-AA").lean();
    const codes = ["AAAA-AAAA-AA", "BBBB-BBBB-BB"];
    const next = await send(first, "Ý kiến gặp mã trùng.", undefined, () => codes.shift()!);
    expect(next.trackingCode).toBe("BBBB-BBBB-BB");
    expect(await FeedbackCode.findById("AAAA-AAAA-AA").lean()).toEqual(owner);
    const before = await stored();
    await expect(send(first, "Ý kiến không có mã nào.", undefined, () => "AAAA-AAAA-AA")).rejects.toMatchObject({ code: 11000 });
    expect(await stored()).toEqual(before);
  });
});

describe("burst flag from the intake windows", () => {
  const burst = (flags: { kind: string; detail: string }[]) => flags.find((flag) => flag.kind === "burst")?.detail ?? null;
  const text = (i: number) => `Đề nghị hạ xếp loại, chi bộ khu phố này không xứng đáng được khen đợt ${i}`;

  it("flags the fifth similar item on one organization within ten minutes, also across a window boundary", async () => {
    // Eight minutes into a window: the last two posts fall in the next one and must still see the first three.
    const start = Math.floor(Date.now() / BURST_WINDOW_MS) * BURST_WINDOW_MS + 8 * 60_000;
    const details = [];
    for (let i = 0; i < 6; i++) details.push(burst((await send(first, text(i), new Date(start + i * 60_000))).flags));
    expect(details).toEqual([null, null, null, null, "5", "6"]);
    // The committee's dashboard counts the flagged ones without reading the comments: the whole wave, the first four too.
    expect((await campaignFlagsByEvaluation({ period: first.period })).get(first.id)).toBe(6);
    expect(await IntakeWindow.countDocuments({})).toBeGreaterThanOrEqual(2);
  });

  it("counts neither another organization's items nor items older than ten minutes", async () => {
    const start = Math.floor(Date.now() / BURST_WINDOW_MS) * BURST_WINDOW_MS + 3 * BURST_WINDOW_MS;
    for (let i = 0; i < 4; i++) await send(first, `${text(i)} lần hai`, new Date(start + i * 1000));
    expect(burst((await send(second, `${text(4)} lần hai`, new Date(start + 5000))).flags)).toBeNull();
    expect(burst((await send(first, `${text(5)} lần hai`, new Date(start + BURST_WINDOW_MS + 5000))).flags)).toBeNull();
  });
});
