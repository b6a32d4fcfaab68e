import { z } from "zod";
import { recordAudit } from "../moderation/audit.server";
import { catalogChanged } from "./catalog-cache.server";
import { Evaluation } from "./evaluation.server";
import { getPeriod, Period, type PeriodView, type ScaleEntry } from "./period.server";
import { cleanText } from "../lib/text";
import { fromVietnamLocalInput } from "../lib/vietnam-time";
import { periodCodeSchema } from "../lib/codes";
import { cleanTextField } from "../lib/text-field";

const E = "admin:periods.errors.";
const DAY = 86_400_000;

/** Parses "key | nhãn | label" lines (one entry per line, best first) into a scale. */
export function parseScale(text: string, ctx: z.RefinementCtx): ScaleEntry[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const entries: ScaleEntry[] = [];
  for (const line of lines) {
    const [key = "", vi = "", en = "", ...rest] = line.split("|").map((part) => cleanText(part));
    if (rest.length > 0 || !vi || !en) return invalid(ctx, `${E}scaleLine`, line);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) || key.length > 40) return invalid(ctx, `${E}scaleKey`, key);
    if (entries.some((entry) => entry.key === key)) return invalid(ctx, `${E}scaleDuplicate`, key);
    entries.push({ key, label: { vi, en } });
  }
  if (entries.length < 2) return invalid(ctx, `${E}scaleTooShort`, "");
  return entries;
}

function invalid(ctx: z.RefinementCtx, message: string, value: string): never {
  ctx.addIssue({ code: "custom", message, params: { value } });
  return z.NEVER;
}

/** The scale as the form's textarea shows it. */
export function formatScale(scale: readonly ScaleEntry[]): string {
  return scale.map((entry) => `${entry.key} | ${entry.label.vi} | ${entry.label.en}`).join("\n");
}

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `${E}dateTime`)
  .transform(fromVietnamLocalInput)
  .refine((date) => !Number.isNaN(date.getTime()), `${E}dateTime`);

const title = cleanTextField({ max: 200, message: `${E}titleRequired` });

/** One schema for the create and edit forms; `code` is only read on create (codes never change). */
export const PeriodFormSchema = z
  .object({
    code: periodCodeSchema(`${E}code`),
    year: z.coerce
      .number({ invalid_type_error: `${E}year` })
      .int(`${E}year`)
      .min(1990, `${E}year`)
      .max(2100, `${E}year`),
    titleVi: title,
    titleEn: title,
    ratingScale: z.string().transform(parseScale),
    memberScale: z.string().transform(parseScale),
    commentsOpenAt: localDateTime,
    commentsCloseAt: localDateTime,
    status: z.enum(["draft", "open", "closed"], { message: `${E}status` }),
  })
  .refine((input) => input.commentsCloseAt > input.commentsOpenAt, { path: ["commentsCloseAt"], message: `${E}windowOrder` });
export type PeriodInput = z.infer<typeof PeriodFormSchema>;

export class PeriodAdminError extends Error {
  constructor(
    readonly code: "codeTaken" | "notFound" | "keyInUse",
    readonly field: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

type Actor = { id: string; email: string };

function toDoc(input: PeriodInput) {
  return {
    year: input.year,
    title: { vi: input.titleVi, en: input.titleEn },
    ratingScale: input.ratingScale,
    memberScale: input.memberScale,
    commentsOpenAt: input.commentsOpenAt,
    commentsCloseAt: input.commentsCloseAt,
    status: input.status,
  };
}

export async function createPeriod({ input, actor }: { input: PeriodInput; actor: Actor }): Promise<void> {
  try {
    await Period.create({ code: input.code, ...toDoc(input) });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === 11000) throw new PeriodAdminError("codeTaken", "code");
    throw error;
  }
  await catalogChanged();
  await recordAudit({ actor, action: "period.create", targetType: "period", targetId: input.code, after: toDoc(input) });
}

/** How many of the period's evaluations use each rating key and each member-scale key (with a count above 0). */
export async function scaleKeysInUse({
  period,
}: {
  period: string;
}): Promise<{ ratings: Map<string, number>; members: Map<string, number> }> {
  const [ratings, members] = await Promise.all([
    Evaluation.aggregate<{ _id: string; n: number }>([{ $match: { period } }, { $group: { _id: "$rating", n: { $sum: 1 } } }]),
    Evaluation.aggregate<{ _id: string; n: number }>([
      { $match: { period } },
      { $unwind: "$memberCounts" },
      { $match: { "memberCounts.count": { $gt: 0 } } },
      { $group: { _id: "$memberCounts.key", n: { $sum: 1 } } },
    ]),
  ]);
  const toMap = (rows: { _id: string; n: number }[]) => new Map(rows.map((row) => [row._id, row.n]));
  return { ratings: toMap(ratings), members: toMap(members) };
}

function refuseRemovedKeys(
  field: "ratingScale" | "memberScale",
  before: readonly ScaleEntry[],
  after: readonly ScaleEntry[],
  used: Map<string, number>,
) {
  const kept = new Set(after.map((entry) => entry.key));
  const lost = before.filter((entry) => !kept.has(entry.key) && (used.get(entry.key) ?? 0) > 0);
  if (lost.length === 0) return;
  const value = lost.map((entry) => `${entry.key} (${used.get(entry.key)})`).join(", ");
  throw new PeriodAdminError("keyInUse", field, { value });
}

/** Saves a period's form. A scale may not lose a key that evaluations use; the public catalog is told at once. */
export async function updatePeriod({ code, input, actor }: { code: string; input: PeriodInput; actor: Actor }): Promise<void> {
  const before = await getPeriod({ code });
  if (!before) throw new PeriodAdminError("notFound", "code");
  const used = await scaleKeysInUse({ period: code });
  refuseRemovedKeys("ratingScale", before.ratingScale, input.ratingScale, used.ratings);
  refuseRemovedKeys("memberScale", before.memberScale, input.memberScale, used.members);
  await Period.updateOne({ code }, { $set: toDoc(input) });
  await catalogChanged();
  await recordAudit({
    actor,
    action: "period.update",
    targetType: "period",
    targetId: code,
    before: periodSnapshot(before),
    after: toDoc(input),
  });
}

function periodSnapshot(period: PeriodView) {
  const { id: _id, code: _code, ...rest } = period;
  return rest;
}

/** Opens the comment window now (publishing a draft), or closes it now. */
export async function setCommentWindow({
  code,
  open,
  actor,
  now = new Date(),
}: {
  code: string;
  open: boolean;
  actor: Actor;
  now?: Date;
}): Promise<void> {
  const before = await getPeriod({ code });
  if (!before) throw new PeriodAdminError("notFound", "code");
  const set: Record<string, unknown> = { status: open ? "open" : "closed" };
  if (open && new Date(before.commentsOpenAt) > now) set.commentsOpenAt = now;
  if (open && new Date(before.commentsCloseAt) <= now) set.commentsCloseAt = new Date(now.getTime() + 90 * DAY);
  await Period.updateOne({ code }, { $set: set });
  await catalogChanged();
  await recordAudit({
    actor,
    action: open ? "period.open-comments" : "period.close-comments",
    targetType: "period",
    targetId: code,
    before: { status: before.status },
    after: set,
  });
}
