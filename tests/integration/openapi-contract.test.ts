import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FeedbackInputSchema } from "../../models/feedback/feedback-input";
import { ReportInputSchema } from "../../models/feedback/report-input";
import { ReplyInputSchema } from "../../models/replies/reply-input.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { createDecidedCase } from "../fixtures/reviews";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";
import { errorsOf, openApiValidator, type Method, type OpenApiDocument, type Schema } from "./openapi-validator";

setupTestDatabase();
const http = setupHttpApp();

/** One request whose real answer must match the document: `path` is the document's template, `url` the real one. */
interface Case {
  method: Method;
  path: string;
  status: number;
  why: string;
  url: () => string;
  json?: () => Record<string, unknown>;
  headers?: Record<string, string>;
  body?: string;
}
/** What a case sends; the rows of one operation share part of it. */
type Request = Partial<Omit<Case, "method" | "path" | "status" | "why">>;

const fixture = {
  organization: "CT-001",
  closedEvaluation: "",
  openEvaluation: "",
  pendingCode: "",
  approvedCode: "",
  withdrawCode: "",
  removalCode: "",
  reportId: "",
};
/** The official reply's cases: the organization account's Cookie header and another organization's evaluation, set in beforeAll. */
const reply = { account: {} as Record<string, string>, otherEvaluation: "" };
let doc: OpenApiDocument;
const covered = new Set<string>();
let schemas: ReturnType<typeof openApiValidator>;

const UNKNOWN_ID = "0123456789abcdef01234567";
const UNKNOWN_CODE = "ZZZZ-ZZZZ-ZZ";
const feedback = (over: Record<string, unknown> = {}) => ({
  evaluation: fixture.openEvaluation,
  stance: "agree",
  body: `Chi bộ làm tốt, ý kiến số ${Math.random()}`,
  ...over,
});
/** A body sent as it is, in place of the operation's JSON. */
const raw = (contentType: string, body: string): Request => ({ json: undefined, headers: { "Content-Type": contentType }, body });
const fromElsewhere: Request = { headers: { Origin: "https://evil.example" } };

/** The cases of one documented operation: each row's status and reason, and what it sends besides `shared`. */
function operation(method: Method, path: string, rows: (Request & Pick<Case, "status" | "why">)[], shared: Request = {}): Case[] {
  return rows.map((row) => ({ method, path, url: () => path, ...shared, ...row }));
}

const CASES: Case[] = [
  ...operation("get", "/api/v1/periods", [{ status: 200, why: "published periods" }]),
  ...operation("get", "/api/v1/organizations", [
    { status: 200, why: "a page with a next cursor", url: () => "/api/v1/organizations?period=2011&limit=1" },
    { status: 400, why: "a limit out of range", url: () => "/api/v1/organizations?limit=0" },
  ]),
  ...operation("get", "/api/v1/organizations/{code}", [
    { status: 200, why: "an organization in two periods", url: () => `/api/v1/organizations/${fixture.organization}` },
    { status: 404, why: "an unknown code", url: () => "/api/v1/organizations/NO-SUCH" },
  ]),
  ...operation("get", "/api/v1/summary", [
    { status: 200, why: "rows by organization", url: () => "/api/v1/summary?period=2011" },
    { status: 200, why: "rows by district", url: () => "/api/v1/summary?period=2011&groupBy=district" },
    { status: 200, why: "rows by period", url: () => "/api/v1/summary?groupBy=period" },
    { status: 400, why: "an unknown grouping", url: () => "/api/v1/summary?groupBy=planet" },
    { status: 404, why: "an unknown period", url: () => "/api/v1/summary?period=1999" },
  ]),
  ...operation("get", "/api/v1/summary.csv", [
    { status: 200, why: "the CSV file", url: () => "/api/v1/summary.csv?period=2011&groupBy=rating" },
    { status: 400, why: "an unknown grouping", url: () => "/api/v1/summary.csv?groupBy=planet" },
    { status: 404, why: "an unknown period", url: () => "/api/v1/summary.csv?period=1999" },
  ]),
  ...operation("get", "/api/v1/feedback/{trackingCode}", [
    { status: 200, why: "a pending comment", url: () => `/api/v1/feedback/${fixture.pendingCode}` },
    { status: 200, why: "a published comment", url: () => `/api/v1/feedback/${fixture.approvedCode}` },
    { status: 404, why: "an unknown code", url: () => `/api/v1/feedback/${UNKNOWN_CODE}` },
  ]),
  ...operation("get", "/api/v1/reviews", [
    { status: 200, why: "a decided re-review case", url: () => "/api/v1/reviews?period=2011" },
    { status: 400, why: "a malformed period code", url: () => "/api/v1/reviews?period=no%20such" },
    { status: 404, why: "an unknown period", url: () => "/api/v1/reviews?period=1999" },
  ]),
  // Each POST below spends the client's intake quota, so the 429 comes last.
  ...operation(
    "post",
    "/api/v1/feedback",
    [
      { status: 201, why: "a valid view", json: () => feedback({ displayName: "Cô Lan", contact: "lan@example.vn", isResident: true }) },
      { status: 400, why: "an empty body text", json: () => feedback({ body: "   " }) },
      { status: 400, why: "JSON that is not an object", ...raw("application/json", "[1]") },
      { status: 403, why: "a closed comment window", json: () => feedback({ evaluation: fixture.closedEvaluation }) },
      { status: 403, why: "another site's Origin", ...fromElsewhere },
      { status: 404, why: "an unknown evaluation", json: () => feedback({ evaluation: UNKNOWN_ID }) },
      { status: 409, why: "the same text twice", json: () => feedback({ body: "Ý kiến trùng lặp về chi bộ này." }) },
      { status: 413, why: "a body over the limit", json: () => feedback({ body: "x".repeat(40_000) }) },
      { status: 415, why: "a form post", ...raw("application/x-www-form-urlencoded", "stance=agree") },
      { status: 429, why: "the intake quota spent" },
    ],
    { json: () => feedback() },
  ),
  // Residents' follow-up, after the reads above: each of these moves a comment on.
  ...operation("delete", "/api/v1/feedback/{trackingCode}", [
    { status: 200, why: "a pending comment withdrawn", url: () => `/api/v1/feedback/${fixture.withdrawCode}` },
    { status: 404, why: "an unknown code", url: () => `/api/v1/feedback/${UNKNOWN_CODE}` },
    { status: 409, why: "a published comment", url: () => `/api/v1/feedback/${fixture.approvedCode}` },
  ]),
  ...operation("post", "/api/v1/feedback/{trackingCode}/removal", [
    { status: 200, why: "a published comment", url: () => `/api/v1/feedback/${fixture.removalCode}/removal` },
    { status: 404, why: "an unknown code", url: () => `/api/v1/feedback/${UNKNOWN_CODE}/removal` },
    { status: 409, why: "a pending comment", url: () => `/api/v1/feedback/${fixture.pendingCode}/removal` },
  ]),
  ...operation(
    "post",
    "/api/v1/feedback/{id}/reports",
    [
      { status: 201, why: "a reason given", json: () => ({ reason: "abuse" }) },
      { status: 400, why: "an unknown reason", json: () => ({ reason: "boring" }) },
      { status: 403, why: "another site's Origin", ...fromElsewhere },
      { status: 404, why: "an unknown comment", url: () => `/api/v1/feedback/${UNKNOWN_ID}/reports` },
      { status: 409, why: "the same comment twice" },
      { status: 413, why: "a body over the limit", json: () => ({ reason: "spam", captchaToken: "x".repeat(40_000) }) },
      { status: 415, why: "a form post", ...raw("application/x-www-form-urlencoded", "reason=spam") },
      { status: 429, why: "the report quota spent" },
    ],
    { url: () => `/api/v1/feedback/${fixture.reportId}/reports`, json: () => ({ reason: "spam" }) },
  ),
  ...operation(
    "put",
    "/api/v1/evaluations/{id}/reply",
    [
      { status: 200, why: "its own evaluation", json: () => ({ body: "Chi bộ xin tiếp thu ý kiến." }) },
      { status: 400, why: "an empty reply", json: () => ({ body: " " }) },
      { status: 401, why: "no session", headers: undefined },
      {
        status: 403,
        why: "another organization's evaluation",
        url: () => `/api/v1/evaluations/${reply.otherEvaluation}/reply`,
        json: () => ({ body: "Trả lời hộ." }),
      },
      { status: 404, why: "an unknown evaluation", url: () => `/api/v1/evaluations/${UNKNOWN_ID}/reply` },
    ],
    { url: () => `/api/v1/evaluations/${fixture.openEvaluation}/reply`, headers: reply.account, json: () => ({ body: "Trả lời." }) },
  ),
];

async function send(item: Case): Promise<Response> {
  const headers: Record<string, string> = { "Accept-Language": "vi", ...item.headers };
  let body = item.body;
  if (item.json) {
    body = JSON.stringify(item.json());
    headers["Content-Type"] ??= "application/json";
  }
  const init = { method: item.method.toUpperCase(), headers, body };
  if (item.status === 409) await (await fetch(http.url(item.url()), init)).arrayBuffer();
  if (item.status !== 429) return fetch(http.url(item.url()), init);
  // However the quota is counted, it runs out within a bounded number of posts.
  for (let attempt = 0; attempt < 30; attempt++) {
    const response = await fetch(http.url(item.url()), { ...init, body: JSON.stringify(item.json!()) });
    if (response.status === 429) return response;
    await response.arrayBuffer();
  }
  throw new Error("the quota never ran out");
}

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  await createPeriod({
    code: "2010",
    status: "closed",
    commentsOpenAt: new Date(Date.now() - 200 * 86_400_000),
    commentsCloseAt: new Date(Date.now() - 100 * 86_400_000),
  });
  const open = await createRatedOrganization({ code: fixture.organization, name: "Chi bộ Khu phố 3", period: "2011" });
  reply.otherEvaluation = (
    await createRatedOrganization({ code: "CT-002", name: "Chi bộ Khu phố 4", period: "2011", district: "Long Khánh", rating: "yeu-kem" })
  ).evaluationId;
  reply.account.Cookie = (await createStaff("organization", undefined, fixture.organization)).cookie;
  fixture.closedEvaluation = (await createRatedOrganization({ code: "CT-003", name: "Chi bộ ấp 1", period: "2010" })).evaluationId;
  fixture.openEvaluation = open.evaluationId;
  fixture.pendingCode = (await createPendingFeedback(open)).trackingCode;
  const admin = await createStaff("admin");
  const approve = async () => {
    const item = await createPendingFeedback(open);
    await decideFeedback({ id: item.id, decision: "approve", moderator: admin });
    return item;
  };
  fixture.approvedCode = (await approve()).trackingCode;
  fixture.removalCode = (await approve()).trackingCode;
  fixture.reportId = (await approve()).id;
  fixture.withdrawCode = (await createPendingFeedback(open)).trackingCode;
  await createDecidedCase(open);
  const response = await fetch(http.url("/api/v1/openapi.json"));
  expect(response.status).toBe(200);
  doc = (await response.json()) as OpenApiDocument;
  schemas = openApiValidator(doc);
});

describe("real answers match /api/v1/openapi.json", () => {
  it.each(CASES)("$method $path → $status ($why)", async (item) => {
    const operation = doc.paths[item.path]?.[item.method];
    expect(operation, `${item.method} ${item.path} is documented`).toBeDefined();
    const documented = operation!.responses[String(item.status)];
    expect(documented, `${item.status} is documented for ${item.method} ${item.path}`).toBeDefined();
    covered.add(`${item.method} ${item.path} ${item.status}`);

    if (item.json && item.status < 300) {
      const request = operation!.requestBody!.content["application/json"]!.schema;
      const validate = schemas.validator(`${item.method} ${item.path} request`, request);
      expect(validate(item.json()), errorsOf(validate)).toBe(true);
    }

    const response = await send(item);
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(item.status);
    const content = schemas.deref(documented!).content as Record<string, { schema: Schema }>;
    const [mediaType, { schema }] = Object.entries(content)[0]!;
    expect(response.headers.get("content-type")).toMatch(new RegExp(`^${mediaType.replace("/", "\\/")}\\b`));
    if (mediaType !== "application/json") return;
    const validate = schemas.validator(`${item.method} ${item.path} ${item.status}`, schema);
    expect(validate(JSON.parse(text)), `${errorsOf(validate)}\n${text.slice(0, 600)}`).toBe(true);
  });
});

describe("the document and the contract cases cover each other", () => {
  it("every documented operation and response status has a contract case", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.keys(operation!.responses).map((status) => `${method} ${path} ${status}`),
      ),
    );
    expect(documented.filter((key) => !covered.has(key))).toEqual([]);
  });

  it("every open-data and feedback route file is in the document", () => {
    // Staff JSON (session required) is covered by the role tables; the document does not describe itself.
    const undocumented = new Set(["/api/v1/moderation/queue", "/api/v1/moderation/feedback/{id}", "/api/v1/openapi.json"]);
    const routes = readdirSync(path.resolve(import.meta.dirname, "../../app/routes"))
      .filter((file) => file.startsWith("api.v1."))
      .map(
        (file) =>
          `/${file
            .replace(/\.tsx?$/, "")
            .replace(/\[\.\]/g, "\0")
            .split(".")
            .map((part) => part.replace(/^\$(.+)$/, "{$1}"))
            .join("/")
            .replace(/\0/g, ".")}`,
      );
    expect(routes.filter((route) => !undocumented.has(route) && !(route in doc.paths))).toEqual([]);
  });

  // Request schemas are written by hand (a zod-derived one publishes the honeypot and the form's encodings and
  // loses the limits applied after trimming), so each must name exactly the fields its zod schema keeps.
  it.each([
    [
      "FeedbackInput",
      FeedbackInputSchema,
      {
        evaluation: "0123456789abcdef01234567",
        stance: "disagree",
        proposedRating: "yeu-kem",
        body: "Ý kiến.",
        displayName: "Lan",
        contact: "lan@example.vn",
        isResident: true,
        captchaToken: "t",
      },
    ],
    ["ReportInput", ReportInputSchema, { reason: "spam", captchaToken: "t" }],
    ["ReplyInput", ReplyInputSchema, { body: "Trả lời." }],
  ] as const)("%s names exactly the fields its zod schema keeps (besides the honeypot)", (name, zod, full) => {
    const kept = Object.keys(zod.parse({ ...full, website: "" })).filter((key) => key !== "website");
    const input = schemas.deref(doc.components.schemas[name]!);
    expect(Object.keys(input.properties as Schema).sort()).toEqual(kept.sort());
  });
});
