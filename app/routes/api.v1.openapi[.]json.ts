import { openDataResponse } from "~/utils/api.server";
import { FEEDBACK_STATUSES, REJECT_REASONS } from "../../models/feedback/feedback.server";
import { REPORT_REASON_VALUES } from "../../models/feedback/report-input";
import { errors, idAndBody, json, jsonBody, object, pathParam, query, ref } from "~/utils/openapi-schema";

const counters = object({
  agree: { type: "integer" },
  disagree: { type: "integer" },
  neutral: { type: "integer" },
  pending: { type: "integer" },
});
const label = object({ vi: { type: "string" }, en: { type: "string" } });
const statusOnly = (status: string) => object({ status: { const: status } });
/** A resident's follow-up on their own comment, by tracking code: it answers with the comment's new status. */
const followUp = (summary: string, description: string, status: string) => ({
  summary,
  description,
  parameters: [pathParam("trackingCode")],
  responses: { "200": json(statusOnly(status)), ...errors(404, 409) },
});
/** What an organization is, in a list item and in its detail. */
const organizationFields = {
  code: { type: "string" },
  name: { type: "string" },
  kind: { type: "string" },
  district: { type: "string" },
  members: { type: "integer" },
};
const nullableDate = { type: ["string", "null"], format: "date-time" };
const scale = { type: "array", items: object({ key: { type: "string" }, label }) };
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
        responses: { "200": json(object({ items: { type: "array", items: ref("Period") } })) },
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
          "200": json(
            object({
              items: { type: "array", items: ref("OrganizationListItem") },
              total: { type: "integer" },
              nextCursor: { type: ["string", "null"] },
            }),
          ),
          ...errors(400),
        },
      },
    },
    "/api/v1/organizations/{code}": {
      get: {
        summary: "One organization and its evaluation in every published period",
        parameters: [pathParam("code")],
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
        requestBody: jsonBody("FeedbackInput"),
        description:
          "400 invalid_input (with fields) or invalid_json; 403 comments_not_open, comments_closed, a failed captcha or another site's Origin; 404 evaluation_not_found; 409 duplicate (the same text on this evaluation, case, diacritics and invisible characters aside); 413 over 16 KiB; 415 not JSON; 429 rate_limited (with Retry-After): 5 accepted comments per client address (IPv6: per /64) in 10 minutes, counted once the captcha passed, and 30 attempts of any kind.",
        responses: {
          "201": json(object({ trackingCode: { type: "string" }, status: { const: "pending" } }), "Created"),
          ...errors(400, 403, 404, 409, 413, 415, 429),
        },
      },
    },
    "/api/v1/feedback/{trackingCode}": {
      get: {
        summary: "The status of one's own feedback (never its contact)",
        parameters: [pathParam("trackingCode")],
        responses: { "200": json(ref("FeedbackTracking")), ...errors(404) },
      },
      delete: followUp(
        "Withdraw one's own comment while it is pending (counters follow)",
        "404 not_found; 409 already_withdrawn, not_pending or already_decided (a moderator was first).",
        "withdrawn",
      ),
    },
    "/api/v1/feedback/{trackingCode}/removal": {
      post: followUp(
        "Ask to take one's own published comment down: hidden at once, then a moderator decides",
        "404 not_found; 409 not_published or under_review.",
        "removal-requested",
      ),
    },
    "/api/v1/feedback/{id}/reports": {
      post: {
        summary: "Report a published comment to the moderators (one report per address per comment)",
        description:
          "400 invalid_input or invalid_json; 403 a failed captcha or another site's Origin; 404 not_found (unknown or not published); 409 already_reported; 413 too large; 415 not JSON; 429 rate_limited.",
        ...idAndBody("The comment's id as published (organization page)", "ReportInput"),
        responses: { "201": json(statusOnly("received"), "Created"), ...errors(400, 403, 404, 409, 413, 415, 429) },
      },
    },
    "/api/v1/evaluations/{id}/reply": {
      put: {
        summary: "Publish or edit the rated organization's official reply to one of its evaluations",
        description:
          "Session cookie of that organization's account (role organization, npm run user -- create --role organization --organization CODE). One reply per evaluation; an edit keeps the earlier text and is audited. The reply shows as evaluations[].reply of /api/v1/organizations/{code} unless moderators hid it. 400 invalid_input (with fields) or invalid_json; 401 unauthorized; 403 forbidden (another organization's evaluation, or not an organization account) or another site's Origin; 404 not_found (no such published evaluation).",
        ...idAndBody("Evaluation id (from /api/v1/organizations/{code})", "ReplyInput"),
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
          "200": json(object({ period: { type: "string" }, items: { type: "array", items: ref("ReviewCase") } })),
          ...errors(400, 404),
        },
      },
    },
  },
  components: {
    responses: { Error: json(ref("Error"), "Error") },
    schemas: {
      Error: object({
        error: object(
          {
            code: { type: "string" },
            message: { type: "string" },
            fields: { type: "object", additionalProperties: { type: "string" } },
          },
          { optional: ["fields"] },
        ),
      }),
      Counters: counters,
      ReviewCase: object(
        {
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
          outcome: object({
            decision: { enum: ["kept", "changed"] },
            from: { type: "string" },
            to: { type: "string" },
            note: { type: "string" },
            decidedAt: { type: "string", format: "date-time" },
          }),
        },
        { optional: ["outcome"] },
      ),
      RatingRevision: object({
        from: { type: "string" },
        to: { type: "string" },
        revisedAt: { type: "string", format: "date-time" },
        note: { type: "string", description: "The committee's note on its decision" },
      }),
      Period: object({
        code: { type: "string" },
        year: { type: "integer" },
        title: label,
        status: { enum: ["open", "closed"] },
        commentsOpenAt: { type: "string", format: "date-time" },
        commentsCloseAt: { type: "string", format: "date-time" },
        ratingScale: scale,
        memberScale: scale,
      }),
      OrganizationListItem: object({
        ...organizationFields,
        period: { type: "string" },
        rating: { type: "string" },
        counters: ref("Counters"),
      }),
      FeedbackTracking: object(
        {
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
          organization: object({ code: { type: "string" }, name: { type: "string" } }),
          ratingGiven: { type: "string", description: "The rating key the view was given on (the period's ratingScale)" },
          currentRating: { type: "string", description: "The evaluation's rating now; differs from ratingGiven after a revision" },
          ratingRevisedAt: {
            ...nullableDate,
            description: "When the rating was revised to currentRating after the view was sent, if its ratingHistory says so",
          },
        },
        { optional: ["followUpAt"] },
      ),
      GroupAgreement: object({
        agree: { type: "integer" },
        disagree: { type: "integer" },
        neutral: { type: "integer" },
        agreementRate: rate,
        ci95: interval,
      }),
      OrganizationDetail: object({
        ...organizationFields,
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
      }),
      Reply: object({
        body: { type: "string" },
        updatedAt: { type: "string", format: "date-time", description: "When the current text was published" },
      }),
      ReplyInput: object({
        body: { type: "string", minLength: 1, maxLength: 2000, description: "Trimmed and NFC-normalised as residents' text is" },
      }),
      SummaryRow: object(
        {
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
        { optional: ["residents", "others", "proposed"] },
      ),
      Summary: object({
        period: { type: "string" },
        groupBy: { type: "string" },
        generatedAt: { type: "string", format: "date-time" },
        rows: { type: "array", items: ref("SummaryRow") },
      }),
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
            items: object({ kind: { type: "string" }, detail: { type: "string" } }),
          },
          createdAt: { type: "string", format: "date-time" },
          status: { type: "string" },
          followUp: { type: ["object", "null"], description: "Back for review after publication: removal request or readers' reports" },
          wave: {
            oneOf: [
              object({
                id: { type: "string", description: "The wave's id (its first member's id)" },
                size: { type: "integer", description: "Similar comments in the wave, decided or not" },
              }),
              { type: "null" },
            ],
            description:
              "A campaign wave of similar comments on one organization in a few minutes (flag burst): every member is flagged, the first ones too, and the queue page decides the wave's pending members together",
          },
        },
      },
      ReportInput: object({ reason: { enum: REPORT_REASON_VALUES }, captchaToken: { type: "string" } }, { optional: ["captchaToken"] }),
      // By hand: a zod-derived schema would publish the form's encodings and the honeypot and lose the limits;
      // tests/integration/openapi-contract.test.ts checks that both name the same fields.
      FeedbackInput: object(
        {
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
        { optional: ["proposedRating", "isResident", "displayName", "contact", "captchaToken"] },
      ),
    },
  },
} as const;

export function loader() {
  return openDataResponse(document);
}
