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
    module: { action?: unknown },
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

/** An admin page, read by GET. */
interface AdminPage {
  module: { loader: unknown; action?: unknown };
  file: string;
  /** As the rows name it ("/admin/periods/:code"); `params` fill it into the URL. */
  route: string;
  params?: Record<string, string>;
  search?: string;
}

const ADMIN_PAGES: AdminPage[] = [
  { module: adminHome, file: "admin._index.tsx", route: "/admin" },
  { module: periodList, file: "admin.periods._index.tsx", route: "/admin/periods" },
  { module: periodNew, file: "admin.periods.new.tsx", route: "/admin/periods/new" },
  { module: periodEdit, file: "admin.periods.$code.tsx", route: "/admin/periods/:code", params: { code: "2011" } },
  { module: organizationList, file: "admin.organizations._index.tsx", route: "/admin/organizations" },
  { module: organizationNew, file: "admin.organizations.new.tsx", route: "/admin/organizations/new" },
  { module: organizationEdit, file: "admin.organizations.$code.tsx", route: "/admin/organizations/:code", params: { code: "DN-0200" } },
  { module: adminReports, file: "admin.reports.tsx", route: "/admin/reports" },
  { module: adminImport, file: "admin.import.tsx", route: "/admin/import" },
  { module: importTemplate, file: "admin.import-template[.]csv.ts", route: "/admin/import-template.csv", search: "?period=2011" },
  { module: adminExport, file: "admin.export.$period.ts", route: "/admin/export/:period", params: { period: "2011" } },
  { module: adminUsers, file: "admin.users.tsx", route: "/admin/users" },
  { module: adminWords, file: "admin.words.tsx", route: "/admin/words" },
];

/** The one POST each admin page with a form gets, by route file, and the admin's answer to it. */
const ADMIN_FORMS: Record<string, { label: string; status: number; form: () => Record<string, string> }> = {
  "admin.periods.new.tsx": { label: "incomplete", status: 400, form: () => ({ code: "2030" }) },
  "admin.periods.$code.tsx": { label: "open-window", status: 302, form: () => ({ intent: "open-window" }) },
  "admin.organizations.new.tsx": { label: "incomplete", status: 400, form: () => ({ code: "DN-9999" }) },
  "admin.organizations.$code.tsx": { label: "activate", status: 302, form: () => ({ intent: "activate" }) },
  "admin.reports.tsx": { label: "threshold", status: 200, form: () => ({ threshold: "3" }) },
  "admin.import.tsx": { label: "no file", status: 400, form: () => ({ intent: "check", period: "2011" }) },
  "admin.users.tsx": { label: "disable, unknown account", status: 400, form: () => ({ intent: "disable", userId: "nope" }) },
  "admin.words.tsx": {
    label: "add",
    status: 200,
    form: () => ({ intent: "add", word: `từ cấm ${++sequence}`, list: "suspect", lang: "vi" }),
  },
};

/** An admin page's rows: its GET, then its form's POST when it has one. */
function adminRows({ module, file, route, params = {}, search = "" }: AdminPage): Row[] {
  const url = route.replace(/:(\w+)/g, (_, name: string) => params[name]!);
  const rows: Row[] = [{ file, route: `GET ${route}`, run: get(module, url + search, params), expected: ADMIN }];
  const submit = ADMIN_FORMS[file];
  if (!submit) return rows;
  return [
    ...rows,
    { file, route: `POST ${route} (${submit.label})`, run: post(module, url, submit.form, params), expected: adminForm(submit.status) },
  ];
}

const ROWS: Row[] = [
  ...ADMIN_PAGES.flatMap(adminRows),
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
