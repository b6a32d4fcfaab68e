import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../models/accounts/user.server";
import { saveReply } from "../../models/replies/replies.server";
import { ReviewCase } from "../../models/review/review-case.server";
import * as adminHome from "../../app/routes/admin._index";
import * as adminExport from "../../app/routes/admin.export.$period";
import * as importTemplate from "../../app/routes/admin.import-template[.]csv";
import * as adminImport from "../../app/routes/admin.import";
import * as adminReports from "../../app/routes/admin.reports";
import * as organizationEdit from "../../app/routes/admin.organizations.$code";
import * as organizationList from "../../app/routes/admin.organizations._index";
import * as organizationNew from "../../app/routes/admin.organizations.new";
import * as periodEdit from "../../app/routes/admin.periods.$code";
import * as periodList from "../../app/routes/admin.periods._index";
import * as periodNew from "../../app/routes/admin.periods.new";
import * as adminUsers from "../../app/routes/admin.users";
import * as adminWords from "../../app/routes/admin.words";
import * as decideApi from "../../app/routes/api.v1.moderation.feedback.$id";
import * as queueApi from "../../app/routes/api.v1.moderation.queue";
import * as replyApi from "../../app/routes/api.v1.evaluations.$id.reply";
import * as committeeHome from "../../app/routes/committee";
import * as reviewCase from "../../app/routes/committee_.reviews.$id";
import * as reviewList from "../../app/routes/committee_.reviews._index";
import * as moderationReplies from "../../app/routes/moderation.replies";
import * as organizationPage from "../../app/routes/organizations.$code";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { callAs, type Handler, type Outcome } from "./role-call";

setupTestDatabase();

type Who = "anonymous" | Role;
const WHO: Who[] = ["anonymous", "moderator", "committee", "admin", "organization"];
const cookies: Partial<Record<Who, string>> = {};
let org: { evaluationId: string; organizationId: string };
let sequence = 0;

interface Row {
  /** The route file, so the check below can tell a guarded route without a row. */
  file: string;
  route: string;
  run: (who: Who) => Promise<Outcome>;
  expected: Record<Who, number>;
}

const ADMIN = { anonymous: 302, moderator: 403, committee: 403, admin: 200, organization: 403 };
/** An admin form: everyone else is refused before it is read; the admin gets the form's own answer. */
const adminForm = (status: number) => ({ ...ADMIN, admin: status });
const COMMITTEE = { anonymous: 302, moderator: 403, committee: 200, admin: 200, organization: 403 };
const MODERATION = { anonymous: 302, moderator: 200, committee: 403, admin: 200, organization: 403 };
const MODERATION_API = { ...MODERATION, anonymous: 401 };
/** Only the organization's own account may publish its reply; staff roles are refused like anyone else. */
const OWN_ORGANIZATION = { anonymous: 302, moderator: 403, committee: 403, admin: 403, organization: 303 };

const get =
  (module: { loader: unknown }, url: string, params: Record<string, string> = {}) =>
  (who: Who) =>
    callAs(module.loader as Handler, cookies[who], url, { params });
const post =
  (
    module: { action: unknown },
    url: string,
    form: () => Record<string, string> | Promise<Record<string, string>>,
    params: Record<string, string> = {},
  ) =>
  async (who: Who) =>
    callAs(module.action as Handler, cookies[who], url, { method: "POST", form: await form(), params });

/** A published official reply on an organization of its own, for a moderator to hide. */
async function publishedReply(): Promise<string> {
  const code = `RP-${String(++sequence).padStart(3, "0")}`;
  const rated = await createRatedOrganization({ code, name: `Chi bộ khu ${sequence}`, period: "2011" });
  await saveReply({
    evaluationId: rated.evaluationId,
    body: "Chi bộ đã tiếp thu ý kiến.",
    account: { id: "000000000000000000000000", email: "org@example.vn", role: "organization", organization: code },
  });
  return rated.evaluationId;
}

/** A re-review case of its own for each call, so starting it works for every role allowed to. */
async function openCase(): Promise<string> {
  const rated = await createRatedOrganization({
    code: `RV-${String(++sequence).padStart(3, "0")}`,
    name: `Chi bộ ấp ${sequence}`,
    period: "2011",
  });
  const id = `${rated.evaluationId}:0`;
  const numbers = { agree: 2, disagree: 9, sides: 11, disagreementLow: 0.52, stated: 9, differing: 9 };
  await ReviewCase.create({
    _id: id,
    evaluation: rated.evaluationId,
    organization: rated.organizationId,
    orgCode: `RV-${String(sequence).padStart(3, "0")}`,
    orgName: `Chi bộ ấp ${sequence}`,
    period: "2011",
    ratingVersion: 0,
    rating: "tsvm",
    status: "open",
    reason: "disagreement",
    numbers,
    thresholds: {},
    openedAt: new Date(),
  });
  return id;
}

const ROWS: Row[] = [
  { file: "admin._index.tsx", route: "GET /admin", run: get(adminHome, "/admin"), expected: ADMIN },
  { file: "admin.periods._index.tsx", route: "GET /admin/periods", run: get(periodList, "/admin/periods"), expected: ADMIN },
  { file: "admin.periods.new.tsx", route: "GET /admin/periods/new", run: get(periodNew, "/admin/periods/new"), expected: ADMIN },
  {
    file: "admin.periods.new.tsx",
    route: "POST /admin/periods/new (incomplete)",
    run: post(periodNew, "/admin/periods/new", () => ({ code: "2030" })),
    expected: adminForm(400),
  },
  {
    file: "admin.periods.$code.tsx",
    route: "GET /admin/periods/:code",
    run: get(periodEdit, "/admin/periods/2011", { code: "2011" }),
    expected: ADMIN,
  },
  {
    file: "admin.periods.$code.tsx",
    route: "POST /admin/periods/:code (open-window)",
    run: post(periodEdit, "/admin/periods/2011", () => ({ intent: "open-window" }), { code: "2011" }),
    expected: adminForm(302),
  },
  {
    file: "admin.organizations._index.tsx",
    route: "GET /admin/organizations",
    run: get(organizationList, "/admin/organizations"),
    expected: ADMIN,
  },
  {
    file: "admin.organizations.new.tsx",
    route: "GET /admin/organizations/new",
    run: get(organizationNew, "/admin/organizations/new"),
    expected: ADMIN,
  },
  {
    file: "admin.organizations.new.tsx",
    route: "POST /admin/organizations/new (incomplete)",
    run: post(organizationNew, "/admin/organizations/new", () => ({ code: "DN-9999" })),
    expected: adminForm(400),
  },
  {
    file: "admin.organizations.$code.tsx",
    route: "GET /admin/organizations/:code",
    run: get(organizationEdit, "/admin/organizations/DN-0200", { code: "DN-0200" }),
    expected: ADMIN,
  },
  {
    file: "admin.organizations.$code.tsx",
    route: "POST /admin/organizations/:code (activate)",
    run: post(organizationEdit, "/admin/organizations/DN-0200", () => ({ intent: "activate" }), { code: "DN-0200" }),
    expected: adminForm(302),
  },
  { file: "admin.reports.tsx", route: "GET /admin/reports", run: get(adminReports, "/admin/reports"), expected: ADMIN },
  {
    file: "admin.reports.tsx",
    route: "POST /admin/reports (threshold)",
    run: post(adminReports, "/admin/reports", () => ({ threshold: "3" })),
    expected: adminForm(200),
  },
  { file: "admin.import.tsx", route: "GET /admin/import", run: get(adminImport, "/admin/import"), expected: ADMIN },
  {
    file: "admin.import.tsx",
    route: "POST /admin/import (no file)",
    run: post(adminImport, "/admin/import", () => ({ intent: "check", period: "2011" })),
    expected: adminForm(400),
  },
  {
    file: "admin.import-template[.]csv.ts",
    route: "GET /admin/import-template.csv",
    run: get(importTemplate, "/admin/import-template.csv?period=2011"),
    expected: ADMIN,
  },
  {
    file: "admin.export.$period.ts",
    route: "GET /admin/export/:period",
    run: get(adminExport, "/admin/export/2011", { period: "2011" }),
    expected: ADMIN,
  },
  { file: "admin.users.tsx", route: "GET /admin/users", run: get(adminUsers, "/admin/users"), expected: ADMIN },
  {
    file: "admin.users.tsx",
    route: "POST /admin/users (disable, unknown account)",
    run: post(adminUsers, "/admin/users", () => ({ intent: "disable", userId: "nope" })),
    expected: adminForm(400),
  },
  { file: "admin.words.tsx", route: "GET /admin/words", run: get(adminWords, "/admin/words"), expected: ADMIN },
  {
    file: "admin.words.tsx",
    route: "POST /admin/words (add)",
    run: post(adminWords, "/admin/words", () => ({ intent: "add", word: `từ cấm ${++sequence}`, list: "suspect", lang: "vi" })),
    expected: adminForm(200),
  },
  { file: "committee.tsx", route: "GET /committee", run: get(committeeHome, "/committee"), expected: COMMITTEE },
  {
    file: "committee_.reviews._index.tsx",
    route: "GET /committee/reviews",
    run: get(reviewList, "/committee/reviews"),
    expected: COMMITTEE,
  },
  {
    file: "committee_.reviews.$id.tsx",
    route: "GET /committee/reviews/:id",
    run: async (who) => {
      const id = await openCase();
      return callAs(reviewCase.loader as Handler, cookies[who], `/committee/reviews/${id}`, { params: { id } });
    },
    expected: COMMITTEE,
  },
  {
    file: "committee_.reviews.$id.tsx",
    route: "POST /committee/reviews/:id (start)",
    run: async (who) => {
      const id = await openCase();
      return callAs(reviewCase.action as Handler, cookies[who], `/committee/reviews/${id}`, {
        method: "POST",
        form: { intent: "start" },
        params: { id },
      });
    },
    expected: { ...COMMITTEE, committee: 302, admin: 302 },
  },
  {
    file: "api.v1.moderation.queue.ts",
    route: "GET /api/v1/moderation/queue",
    run: get(queueApi, "/api/v1/moderation/queue?status=pending&limit=5"),
    expected: MODERATION_API,
  },
  {
    file: "api.v1.moderation.feedback.$id.ts",
    route: "POST /api/v1/moderation/feedback/:id",
    run: async (who) => {
      const { id } = await createPendingFeedback(org);
      return callAs(decideApi.action as Handler, cookies[who], `/api/v1/moderation/feedback/${id}`, {
        method: "POST",
        json: { decision: "approve" },
        params: { id },
      });
    },
    expected: MODERATION_API,
  },
  {
    file: "moderation.replies.tsx",
    route: "GET /moderation/replies",
    run: get(moderationReplies, "/moderation/replies"),
    expected: MODERATION,
  },
  {
    file: "moderation.replies.tsx",
    route: "POST /moderation/replies (hide)",
    run: post(moderationReplies, "/moderation/replies", async () => ({
      intent: "hide",
      evaluation: await publishedReply(),
      reason: "off-topic",
    })),
    expected: MODERATION,
  },
  {
    file: "organizations.$code.tsx",
    route: "POST /organizations/:code (reply)",
    run: post(
      organizationPage,
      "/organizations/DN-0200",
      () => ({ intent: "reply", evaluation: org.evaluationId, body: "Chi bộ xin tiếp thu và trả lời." }),
      { code: "DN-0200" },
    ),
    expected: OWN_ORGANIZATION,
  },
  {
    file: "api.v1.evaluations.$id.reply.ts",
    route: "PUT /api/v1/evaluations/:id/reply",
    run: (who) =>
      callAs(replyApi.action as Handler, cookies[who], `/api/v1/evaluations/${org.evaluationId}/reply`, {
        method: "PUT",
        json: { body: "Chi bộ xin tiếp thu." },
        params: { id: org.evaluationId },
      }),
    expected: { ...OWN_ORGANIZATION, anonymous: 401, organization: 200 },
  },
];

/** Guarded routes whose table lives elsewhere: the moderation queue, audit and statistics (tests/integration/moderation-roles.test.ts). */
const ELSEWHERE = ["moderation._index.tsx", "moderation.audit.tsx", "moderation.stats.tsx"];

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  org = await createRatedOrganization({ code: "DN-0200", name: "Chi bộ Khu phố 6", period: "2011" });
  for (const role of ["moderator", "committee", "admin"] as const) cookies[role] = (await createStaff(role)).cookie;
  cookies.organization = (await createStaff("organization", undefined, "DN-0200")).cookie;
});

describe("every role × admin, committee, reply and staff API route", () => {
  const cases = ROWS.flatMap((row) => WHO.map((who) => ({ ...row, who, status: row.expected[who] })));
  it.each(cases)("$route as $who → $status", async ({ run, who, status, route }) => {
    const outcome = await run(who);
    expect(outcome.status).toBe(status);
    // An anonymous visitor of a page is sent to the login form and back; nobody else is sent there.
    const toLogin = (outcome.location ?? "").startsWith("/login");
    expect(toLogin).toBe(who === "anonymous" && !route.includes("/api/"));
  });

  it("every route file that checks a role has rows here (or in the moderation table)", () => {
    const dir = path.resolve(import.meta.dirname, "../../app/routes");
    const guarded = readdirSync(dir).filter((file) => /requireRole\(|requireUser\(/.test(readFileSync(path.join(dir, file), "utf8")));
    const listed = new Set([...ROWS.map((row) => row.file), ...ELSEWHERE]);
    expect(guarded.filter((file) => !listed.has(file))).toEqual([]);
  });
});
