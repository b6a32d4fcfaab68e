import { beforeAll, describe, expect, it } from "vitest";
import { decideFeedback } from "../../models/moderation/moderation.server";
import type { Role } from "../../models/accounts/user.server";
import { action as decideApi } from "../../app/routes/api.v1.moderation.feedback.$id";
import { loader as queueApi } from "../../app/routes/api.v1.moderation.queue";
import { loader as auditPage } from "../../app/routes/moderation.audit";
import { action as queueAction, loader as queuePage } from "../../app/routes/moderation._index";
import { loader as statsPage } from "../../app/routes/moderation.stats";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { callAs, type Handler } from "./role-call";

setupTestDatabase();

type Who = "anonymous" | Role;
const cookies: Partial<Record<Who, string>> = {};
let org: { evaluationId: string; organizationId: string };

/** `handler` called with `who`'s session cookie (none when anonymous). */
const call = (handler: Handler, who: Who, path: string, init?: Parameters<typeof callAs>[3]) => callAs(handler, cookies[who], path, init);

const pending = () => createPendingFeedback(org);
const approved = async () => {
  const item = await pending();
  const admin = await createStaff("admin");
  await decideFeedback({ id: item.id, decision: "approve", moderator: admin });
  return item;
};

interface Row {
  route: string;
  run: (who: Who) => Promise<{ status: number; location: string | null }>;
  expected: Record<Who, number>;
}

const PAGE = { anonymous: 302, moderator: 200, committee: 403, admin: 200, organization: 403 };
const API = { anonymous: 401, moderator: 200, committee: 403, admin: 200, organization: 403 };
const ROWS: Row[] = [
  { route: "GET /moderation", run: (who) => call(queuePage, who, "/moderation?flagged=1"), expected: PAGE },
  {
    route: "POST /moderation (approve)",
    run: async (who) =>
      call(queueAction, who, "/moderation?index", { method: "POST", form: { intent: "approve", ids: (await pending()).id } }),
    expected: PAGE,
  },
  {
    route: "POST /moderation (reverse)",
    run: async (who) =>
      call(queueAction, who, "/moderation?index", {
        method: "POST",
        form: { intent: "reverse", id: (await approved()).id, to: "rejected", reason: "spam", note: "quảng cáo trá hình" },
      }),
    expected: { anonymous: 302, moderator: 403, committee: 403, admin: 200, organization: 403 },
  },
  { route: "GET /moderation/audit", run: (who) => call(auditPage, who, "/moderation/audit"), expected: PAGE },
  {
    route: "GET /moderation/stats",
    run: (who) => call(statsPage, who, "/moderation/stats"),
    expected: { anonymous: 302, moderator: 200, committee: 200, admin: 200, organization: 403 },
  },
  {
    route: "GET /api/v1/moderation/queue",
    run: (who) => call(queueApi, who, "/api/v1/moderation/queue?status=pending&limit=5"),
    expected: API,
  },
  {
    route: "POST /api/v1/moderation/feedback/:id",
    run: async (who) => {
      const { id } = await pending();
      return call(decideApi, who, `/api/v1/moderation/feedback/${id}`, {
        method: "POST",
        json: { decision: "reject", reason: "off-topic" },
        params: { id },
      });
    },
    expected: API,
  },
];

const WHO: Who[] = ["anonymous", "moderator", "committee", "admin", "organization"];

beforeAll(async () => {
  await createPeriod();
  org = await createRatedOrganization({ code: "DN-0100", name: "Chi bộ Khu phố 5", period: "2011" });
  for (const role of ["moderator", "committee", "admin"] as const) cookies[role] = (await createStaff(role)).cookie;
  cookies.organization = (await createStaff("organization", undefined, "DN-0100")).cookie;
});

describe("every role × moderation route", () => {
  const cases = ROWS.flatMap((row) => WHO.map((who) => ({ ...row, who, status: row.expected[who] })));
  it.each(cases)("$route as $who → $status", async ({ run, who, status }) => {
    // Anonymous visitors of a page go to the login form and come back; everyone else gets no redirect.
    const location = status === 302 ? expect.stringMatching(/^\/login\?redirectTo=%2Fmoderation/) : null;
    expect(await run(who)).toEqual({ status, location });
  });
});
