import { beforeAll, describe, expect, it } from "vitest";
import { action as wordsAction } from "../../app/routes/admin.words";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { getEvaluationTarget } from "../../models/catalog/evaluation-target.server";
import { createFeedback } from "../../models/feedback/feedback-intake.server";
import { DEFAULT_WORDS, listWords } from "../../models/feedback/word-list.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";

setupTestDatabase();

let admin: { cookie: string };
let evaluationId: string;
const post = (form: Record<string, string>) => callRoute(wordsAction, "/admin/words", { cookie: admin.cookie, form });

async function flagsFor(body: string) {
  const target = await getEvaluationTarget({ evaluationId });
  const { flags } = await createFeedback({ target: target!, stance: "disagree", body, isResident: false, locale: "vi" });
  return flags.map((flag) => flag.kind);
}

beforeAll(async () => {
  admin = await createStaff("admin");
  await createPeriod({ code: "2011" });
  ({ evaluationId } = await createRatedOrganization({ code: "LT-1", name: "Đảng bộ xã Long An", period: "2011" }));
});

describe("/admin/words", () => {
  it("adds a word that flags the next feedback at once, typed without diacritics, keeping the built-in words", async () => {
    expect(await flagsFor("Cán bộ xã có dấu hiệu tham ô quỹ đất.")).not.toContain("suspect-word");
    expect((await post({ intent: "add", word: "Tham ô", list: "suspect", lang: "vi" })).status).toBe(200);
    expect(await flagsFor("Can bo xa co dau hieu tham o quy dat, de nghi lam ro.")).toContain("suspect-word");
    expect(await listWords()).toHaveLength(DEFAULT_WORDS.length + 1);
    expect(await AuditEvent.countDocuments({ action: "wordlist.add", targetId: "suspect:tham o" })).toBe(1);
  });

  it("refuses the same word again and removes a word with an audit record", async () => {
    expect((await post({ intent: "add", word: "Lãng phí", list: "suspect", lang: "vi" })).status).toBe(200);
    const duplicate = await post({ intent: "add", word: "LANG PHI", list: "suspect", lang: "vi" });
    expect(duplicate).toMatchObject({
      status: 400,
      data: { errors: { word: "“LANG PHI” đã có trong danh sách này (so khớp không dấu)." } },
    });
    await post({ intent: "remove", list: "suspect", key: "lang phi" });
    expect((await listWords()).some((entry) => entry.searchKey === "lang phi")).toBe(false);
    expect(await AuditEvent.countDocuments({ action: "wordlist.remove", targetId: "suspect:lang phi" })).toBe(1);
    expect(await flagsFor("Lại thêm chuyện lãng phí ở xã, mong được xem xét.")).not.toContain("suspect-word");
  });
});
