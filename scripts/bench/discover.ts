/** What the bench reads from the server before measuring: the open period, every organization code, evaluations to comment on. */
import { z } from "zod";
import { getJson, pick } from "./http";

const PeriodsSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      status: z.string(),
      commentsOpenAt: z.string().nullish(),
      commentsCloseAt: z.string().nullish(),
      ratingScale: z.array(z.object({ key: z.string() })),
    }),
  ),
});
const OrganizationPageSchema = z.object({ items: z.array(z.object({ code: z.string() })), nextCursor: z.string().nullish() });
const ReviewsSchema = z.object({ items: z.array(z.object({ evaluation: z.string(), ratingVersion: z.number() })) });
const OrganizationSchema = z.object({ code: z.string(), evaluations: z.array(z.object({ id: z.string(), period: z.string() })) });

const MAX_PAGES = 100;
const PAGE_SIZE = 100;

export interface ServerData {
  period: string;
  ratingKeys: string[];
  orgCodes: string[];
  /** Evaluation ids of the open period, sampled from a few random organizations. */
  evaluations: string[];
  /** A public (decided) re-review case of the period, for the committee's case page; the demo seeds one. */
  reviewCase?: string;
}

/** The period taking comments now (the demo's), else the first one listed. */
async function openPeriod(base: string) {
  const { items } = await getJson(`${base}/api/v1/periods`, PeriodsSchema);
  const now = Date.now();
  const open = items.find(
    (p) =>
      p.status === "open" &&
      (!p.commentsOpenAt || Date.parse(p.commentsOpenAt) <= now) &&
      (!p.commentsCloseAt || now < Date.parse(p.commentsCloseAt)),
  );
  const period = open ?? items[0];
  if (!period) throw new Error("the server lists no period: seed it first (npm run seed)");
  if (!open) console.warn(`no period takes comments now: the intake will be refused (period ${period.code})`);
  return period;
}

/** Every organization code of `period`, paging with the API's cursor (bounded by MAX_PAGES). */
async function allOrganizationCodes(base: string, period: string): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | null | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ period, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    const result = await getJson(`${base}/api/v1/organizations?${query}`, OrganizationPageSchema);
    codes.push(...result.items.map((item) => item.code));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  if (codes.length === 0) throw new Error(`no organization in period ${period}`);
  return codes;
}

export async function discover(base: string, { sample }: { sample: number }): Promise<ServerData> {
  const period = await openPeriod(base);
  const orgCodes = await allOrganizationCodes(base, period.code);
  const evaluations = new Set<string>();
  for (let i = 0; i < sample; i++) {
    const organization = await getJson(`${base}/api/v1/organizations/${encodeURIComponent(pick(orgCodes))}`, OrganizationSchema);
    for (const evaluation of organization.evaluations) if (evaluation.period === period.code) evaluations.add(evaluation.id);
  }
  if (evaluations.size === 0) throw new Error(`no evaluation of period ${period.code} found`);
  const reviews = await getJson(`${base}/api/v1/reviews?period=${encodeURIComponent(period.code)}`, ReviewsSchema);
  const reviewCase = reviews.items[0] ? `${reviews.items[0].evaluation}:${reviews.items[0].ratingVersion}` : undefined;
  return { period: period.code, ratingKeys: period.ratingScale.map((s) => s.key), orgCodes, evaluations: [...evaluations], reviewCase };
}
