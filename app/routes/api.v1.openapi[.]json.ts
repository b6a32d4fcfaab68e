import { openDataResponse } from "~/utils/api.server";
import { FEEDBACK_STATUSES, REJECT_REASONS } from "../../models/feedback/feedback.server";
import { REPORT_REASON_VALUES } from "../../models/feedback/report-input";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const query = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [String(code), { $ref: "#/components/responses/Error" }]));
const json = (schema: Record<string, unknown>, description = "OK") => ({ description, content: { "application/json": { schema } } });

const counters = {
  type: "object",
  required: ["agree", "disagree", "neutral", "pending"],
  properties: { agree: { type: "integer" }, disagree: { type: "integer" }, neutral: { type: "integer" }, pending: { type: "integer" } },
};
const label = { type: "object", required: ["vi", "en"], properties: { vi: { type: "string" }, en: { type: "string" } } };
const statusOnly = (status: string) => ({ type: "object", required: ["status"], properties: { status: { const: status } } });
const nullableDate = { type: ["string", "null"], format: "date-time" };
const scale = { type: "array", items: { type: "object", required: ["key", "label"], properties: { key: { type: "string" }, label } } };
const rate = {
  type: ["number", "null"],
  minimum: 0,
  maximum: 1,
  description: "agree / (agree + disagree), 4 decimals; null when nobody took a side",
};
const interval = {
  type: ["array", "null"],
  items: { type: "number" },
  minItems: 2,
  maxItems: 2,
  description:
    "95% Wilson score interval [low, high] of the agreement rate (z = 1.959963984540054), 4 decimals; null when nobody took a side",
};

const summaryParameters = [
  query("period", "Period code; the latest published period when omitted. Unknown → 404 period_not_found."),
  query("groupBy", "Grouping of the rows.", {
    type: "string",
    enum: ["organization", "district", "rating", "kind", "period"],
    default: "organization",
  }),
  query("district", "Only organizations in this district."),
  query("rating", "Only organizations with this rating key."),
  query("kind", "Only organizations of this kind.", { type: "string", enum: ["dang-bo-co-so", "chi-bo-co-so"] }),
];

/** GET /api/v1/openapi.json: OpenAPI 3.1 description of the public endpoints. */
const document = {
  openapi: "3.1.0",
  info: {
    title: "Công Khai open data",
    version: "1.0.0",
    description:
      "Read-only open data on the quality ratings of grassroots party organizations and residents' published views on them, plus the public feedback endpoints. No authentication; CORS is open for GET. Every error is {error:{code, message, fields?}} with a stable code and a message in the request's language (?lng=vi|en, Accept-Language).",
  },
  paths: {
    "/api/v1/periods": {
      get: {
        summary: "Published rating periods, newest first",
        responses: { "200": json({ type: "object", required: ["items"], properties: { items: { type: "array", items: ref("Period") } } }) },
      },
    },
    "/api/v1/organizations": {
      get: {
        summary: "Organizations rated in a period, keyset-paginated",
        parameters: [
          query("period", "Period code; the latest published period when omitted."),
          query("district", "District name."),
          query("rating", "Rating key of the period's scale."),
          query("q", "Name search, with or without Vietnamese diacritics."),
          query("cursor", "nextCursor of the previous page."),
          query("limit", "Page size.", { type: "integer", minimum: 1, maximum: 100, default: 20 }),
        ],
        responses: {
          "200": json({
            type: "object",
            required: ["items", "total", "nextCursor"],
            properties: {
              items: { type: "array", items: ref("OrganizationListItem") },
              total: { type: "integer" },
              nextCursor: { type: ["string", "null"] },
            },
          }),
          ...errors(400),
        },
      },
    },
    "/api/v1/organizations/{code}": {
      get: {
        summary: "One organization and its evaluation in every published period",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json(ref("OrganizationDetail")), ...errors(404) },
      },
    },
    "/api/v1/summary": {
      get: {
        summary: "Agreement summary of a period, grouped",
        description:
          "Computed from the materialised counters of approved feedback, read through an in-process memo refreshed every 10 seconds; decisions made through the application show at once.",
        parameters: summaryParameters,
        responses: { "200": json(ref("Summary")), ...errors(400, 404) },
      },
    },
    "/api/v1/summary.csv": {
      get: {
        summary: "The same rows as /api/v1/summary as CSV",
        description:
          "UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends. Header: key,label,organizations,agree,disagree,neutral,pending,total,agreementRate,ci95Low,ci95High. A null rate or interval is an empty cell. Sent as an attachment named summary-<period>-<groupBy>.csv.",
        parameters: summaryParameters,
        responses: { "200": { description: "CSV file", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 404) },
      },
    },
    "/api/v1/feedback": {
      post: {
        summary: "Submit a view on one evaluation (published after moderation)",
        requestBody: { required: true, content: { "application/json": { schema: ref("FeedbackInput") } } },
        description:
          "400 invalid_input (with fields) or invalid_json; 403 comments_not_open, comments_closed, a failed captcha or another site's Origin; 404 evaluation_not_found; 409 duplicate (the same text on this evaluation, case, diacritics and invisible characters aside); 413 over 16 KiB; 415 not JSON; 429 rate_limited (with Retry-After): 5 accepted comments per client address (IPv6: per /64) in 10 minutes, counted once the captcha passed, and 30 attempts of any kind.",
        responses: {
          "201": json(
            {
              type: "object",
              required: ["trackingCode", "status"],
              properties: { trackingCode: { type: "string" }, status: { const: "pending" } },
            },
            "Created",
          ),
          ...errors(400, 403, 404, 409, 413, 415, 429),
        },
      },
    },
    "/api/v1/feedback/{trackingCode}": {
      get: {
        summary: "The status of one's own feedback (never its contact)",
        parameters: [{ name: "trackingCode", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json(ref("FeedbackTracking")), ...errors(404) },
      },
      delete: {
        summary: "Withdraw one's own comment while it is pending (counters follow)",
        description: "404 not_found; 409 already_withdrawn, not_pending or already_decided (a moderator was first).",
        parameters: [{ name: "trackingCode", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json(statusOnly("withdrawn")), ...errors(404, 409) },
      },
    },
    "/api/v1/feedback/{trackingCode}/removal": {
      post: {
        summary: "Ask to take one's own published comment down: hidden at once, then a moderator decides",
        description: "404 not_found; 409 not_published or under_review.",
        parameters: [{ name: "trackingCode", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json(statusOnly("removal-requested")), ...errors(404, 409) },
      },
    },
    "/api/v1/feedback/{id}/reports": {
      post: {
        summary: "Report a published comment to the moderators (one report per address per comment)",
        description:
          "400 invalid_input or invalid_json; 403 a failed captcha or another site's Origin; 404 not_found (unknown or not published); 409 already_reported; 413 too large; 415 not JSON; 429 rate_limited.",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
            description: "The comment's id as published (organization page)",
          },
        ],
        requestBody: { required: true, content: { "application/json": { schema: ref("ReportInput") } } },
        responses: { "201": json(statusOnly("received"), "Created"), ...errors(400, 403, 404, 409, 413, 415, 429) },
      },
    },
    "/api/v1/evaluations/{id}/reply": {
      put: {
        summary: "Publish or edit the rated organization's official reply to one of its evaluations",
        description:
          "Session cookie of that organization's account (role organization, npm run user -- create --role organization --organization CODE). One reply per evaluation; an edit keeps the earlier text and is audited. The reply shows as evaluations[].reply of /api/v1/organizations/{code} unless moderators hid it. 400 invalid_input (with fields) or invalid_json; 401 unauthorized; 403 forbidden (another organization's evaluation, or not an organization account) or another site's Origin; 404 not_found (no such published evaluation).",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
            description: "Evaluation id (from /api/v1/organizations/{code})",
          },
        ],
        requestBody: { required: true, content: { "application/json": { schema: ref("ReplyInput") } } },
        responses: { "200": json(ref("Reply")), ...errors(400, 401, 403, 404) },
      },
    },
    "/api/v1/reviews": {
      get: {
        summary: "Re-review cases of a period, newest first",
        description:
          "A case opens when residents' approved views cross the period's re-review thresholds (once per evaluation and rating version). Decided cases are public; a signed-in committee member or admin also gets the open and under-review ones (not cached). A changed rating shows in the organization's evaluations[].ratingHistory.",
        parameters: [query("period", "Period code; the latest published period when omitted. Unknown → 404 period_not_found.")],
        responses: {
          "200": json({
            type: "object",
            required: ["period", "items"],
            properties: { period: { type: "string" }, items: { type: "array", items: ref("ReviewCase") } },
          }),
          ...errors(400, 404),
        },
      },
    },
  },
  components: {
    responses: { Error: json(ref("Error"), "Error") },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "string" } },
            },
          },
        },
      },
      Counters: counters,
      ReviewCase: {
        type: "object",
        required: [
          "organization",
          "organizationName",
          "evaluation",
          "period",
          "rating",
          "ratingVersion",
          "status",
          "openedAt",
          "reason",
          "numbers",
        ],
        properties: {
          organization: { type: "string", description: "Organization code" },
          organizationName: { type: "string" },
          evaluation: { type: "string", description: "Evaluation id" },
          period: { type: "string" },
          rating: { type: "string", description: "The rating under review (when the case opened)" },
          ratingVersion: { type: "integer", minimum: 0, description: "How many times the rating had been revised when the case opened" },
          status: { enum: ["open", "under-review", "decided"] },
          openedAt: { type: "string", format: "date-time" },
          reason: {
            enum: ["disagreement", "proposals"],
            description:
              "disagreement: the 95% Wilson lower bound of the disagreement share crossed the period's level; proposals: most stated ratings differ from the official one",
          },
          numbers: {
            type: "object",
            required: ["agree", "disagree", "sides", "disagreementLow", "stated", "differing"],
            description: "The numbers when the case opened (views given on this rating version)",
            properties: {
              agree: { type: "integer" },
              disagree: { type: "integer" },
              sides: { type: "integer", description: "agree + disagree" },
              disagreementLow: {
                type: ["number", "null"],
                description: "Lower bound of the 95% Wilson interval of disagree / sides, 4 decimals",
              },
              stated: {
                type: "integer",
                description: "Ratings stated: agreeing views count the official rating, disagreeing ones the rating they propose",
              },
              differing: { type: "integer", description: "Stated ratings other than the official one" },
            },
          },
          outcome: {
            type: "object",
            required: ["decision", "from", "to", "note", "decidedAt"],
            properties: {
              decision: { enum: ["kept", "changed"] },
              from: { type: "string" },
              to: { type: "string" },
              note: { type: "string" },
              decidedAt: { type: "string", format: "date-time" },
            },
          },
        },
      },
      RatingRevision: {
        type: "object",
        required: ["from", "to", "revisedAt", "note"],
        properties: {
          from: { type: "string" },
          to: { type: "string" },
          revisedAt: { type: "string", format: "date-time" },
          note: { type: "string", description: "The committee's note on its decision" },
        },
      },
      Period: {
        type: "object",
        required: ["code", "year", "title", "status", "commentsOpenAt", "commentsCloseAt", "ratingScale", "memberScale"],
        properties: {
          code: { type: "string" },
          year: { type: "integer" },
          title: label,
          status: { enum: ["open", "closed"] },
          commentsOpenAt: { type: "string", format: "date-time" },
          commentsCloseAt: { type: "string", format: "date-time" },
          ratingScale: scale,
          memberScale: scale,
        },
      },
      OrganizationListItem: {
        type: "object",
        required: ["code", "name", "kind", "district", "members", "period", "rating", "counters"],
        properties: {
          code: { type: "string" },
          name: { type: "string" },
          kind: { type: "string" },
          district: { type: "string" },
          members: { type: "integer" },
          period: { type: "string" },
          rating: { type: "string" },
          counters: ref("Counters"),
        },
      },
      FeedbackTracking: {
        type: "object",
        required: [
          "trackingCode",
          "status",
          "rejectReason",
          "stance",
          "proposedRating",
          "publicBody",
          "createdAt",
          "decidedAt",
          "period",
          "organization",
        ],
        properties: {
          trackingCode: { type: "string" },
          status: { enum: FEEDBACK_STATUSES },
          rejectReason: {
            enum: [...REJECT_REASONS, null],
            description: "The category only, when rejected; a moderator's note stays internal",
          },
          stance: { enum: ["agree", "disagree", "neutral"] },
          proposedRating: { type: ["string", "null"] },
          publicBody: { type: "string", description: "The text as published (personal data masked)" },
          createdAt: { type: "string", format: "date-time" },
          decidedAt: nullableDate,
          followUpAt: {
            ...nullableDate,
            description: "When the resident's follow-up last moved it (withdrawn, hidden for review, kept or removed)",
          },
          period: { type: "string" },
          organization: { type: "object", required: ["code", "name"], properties: { code: { type: "string" }, name: { type: "string" } } },
        },
      },
      GroupAgreement: {
        type: "object",
        required: ["agree", "disagree", "neutral", "agreementRate", "ci95"],
        properties: {
          agree: { type: "integer" },
          disagree: { type: "integer" },
          neutral: { type: "integer" },
          agreementRate: rate,
          ci95: interval,
        },
      },
      OrganizationDetail: {
        type: "object",
        required: ["code", "name", "kind", "district", "members", "evaluations"],
        properties: {
          code: { type: "string" },
          name: { type: "string" },
          kind: { type: "string" },
          district: { type: "string" },
          members: { type: "integer" },
          evaluations: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "period", "rating", "members", "counters", "ratingHistory", "reply"],
              properties: {
                id: { type: "string", description: "The evaluation id feedback names" },
                period: { type: "string" },
                rating: { type: "string", description: "The current rating" },
                ratingHistory: {
                  type: "array",
                  items: ref("RatingRevision"),
                  description: "Rating changes after public consultation, oldest first; [] when never revised",
                },
                members: { type: "object", additionalProperties: { type: "integer" }, description: "Party members per member-scale key" },
                counters: ref("Counters"),
                reply: {
                  oneOf: [ref("Reply"), { type: "null" }],
                  description: "The organization's official reply; null when none, or hidden by moderators",
                },
              },
            },
          },
        },
      },
      Reply: {
        type: "object",
        required: ["body", "updatedAt"],
        properties: {
          body: { type: "string" },
          updatedAt: { type: "string", format: "date-time", description: "When the current text was published" },
        },
      },
      ReplyInput: {
        type: "object",
        required: ["body"],
        properties: {
          body: { type: "string", minLength: 1, maxLength: 2000, description: "Trimmed and NFC-normalised as residents' text is" },
        },
      },
      SummaryRow: {
        type: "object",
        required: ["key", "label", "organizations", "agree", "disagree", "neutral", "pending", "total", "agreementRate", "ci95"],
        properties: {
          key: { type: "string", description: "Organization code, district name, rating key, kind key or period code" },
          label: { type: "string", description: "Name or label in the request's language" },
          organizations: { type: "integer", description: "Organizations (evaluations) in the group" },
          agree: { type: "integer", description: "Approved feedback agreeing" },
          disagree: { type: "integer", description: "Approved feedback disagreeing" },
          neutral: { type: "integer", description: "Approved feedback with no opinion" },
          pending: { type: "integer", description: "Feedback awaiting moderation" },
          total: { type: "integer", description: "Approved feedback: agree + disagree + neutral (pending not included)" },
          agreementRate: rate,
          ci95: interval,
          residents: {
            ...ref("GroupAgreement"),
            description: "Approved feedback from self-declared residents of the area, with its own rate and interval",
          },
          others: { ...ref("GroupAgreement"), description: "Approved feedback from everyone else, with its own rate and interval" },
          proposed: {
            type: "object",
            additionalProperties: { type: "integer" },
            description: "Disagreeing feedback per rating key proposed instead",
          },
        },
      },
      Summary: {
        type: "object",
        required: ["period", "groupBy", "generatedAt", "rows"],
        properties: {
          period: { type: "string" },
          groupBy: { type: "string" },
          generatedAt: { type: "string", format: "date-time" },
          rows: { type: "array", items: ref("SummaryRow") },
        },
      },
      // Staff JSON is not under `paths` (session required; the role tables test it), but its items are described here.
      ModerationQueueItem: {
        type: "object",
        description: "One item of GET /api/v1/moderation/queue (moderator session): {items: ModerationQueueItem[], nextCursor}",
        required: ["id", "trackingCode", "evaluation", "stance", "body", "flags", "createdAt", "status", "followUp", "wave"],
        properties: {
          id: { type: "string" },
          trackingCode: { type: "string" },
          evaluation: { type: "string" },
          stance: { enum: ["agree", "disagree", "neutral"] },
          body: { type: "string", description: "The original text" },
          flags: {
            type: "array",
            items: { type: "object", required: ["kind", "detail"], properties: { kind: { type: "string" }, detail: { type: "string" } } },
          },
          createdAt: { type: "string", format: "date-time" },
          status: { type: "string" },
          followUp: { type: ["object", "null"], description: "Back for review after publication: removal request or readers' reports" },
          wave: {
            oneOf: [
              {
                type: "object",
                required: ["id", "size"],
                properties: {
                  id: { type: "string", description: "The wave's id (its first member's id)" },
                  size: { type: "integer", description: "Similar comments in the wave, decided or not" },
                },
              },
              { type: "null" },
            ],
            description:
              "A campaign wave of similar comments on one organization in a few minutes (flag burst): every member is flagged, the first ones too, and the queue page decides the wave's pending members together",
          },
        },
      },
      ReportInput: {
        type: "object",
        required: ["reason"],
        properties: { reason: { enum: REPORT_REASON_VALUES }, captchaToken: { type: "string" } },
      },
      // By hand: a zod-derived schema would publish the form's encodings and the honeypot and lose the limits;
      // tests/integration/openapi-contract.test.ts checks that both name the same fields.
      FeedbackInput: {
        type: "object",
        required: ["evaluation", "stance", "body"],
        properties: {
          evaluation: { type: "string", description: "Evaluation id (from /api/v1/organizations/{code})" },
          stance: { enum: ["agree", "disagree", "neutral"] },
          proposedRating: { type: "string", description: "Required when disagreeing: the rating key the resident would give instead" },
          isResident: { type: "boolean", description: "Self-declared resident of the organization's area" },
          body: { type: "string", minLength: 1, maxLength: 2000 },
          displayName: { type: "string" },
          contact: {
            type: "string",
            format: "email",
            maxLength: 200,
            description:
              "Private e-mail address: kept encrypted only while the site sends mail, for one message when the comment is decided, then deleted; never published or returned",
          },
          captchaToken: { type: "string" },
        },
      },
    },
  },
} as const;

export function loader() {
  return openDataResponse(document);
}
