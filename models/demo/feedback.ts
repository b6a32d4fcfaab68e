import type { Types } from "mongoose";
import type { RejectReason, Stance } from "../feedback/feedback.server";
import { intakeFlags, maskPersonalData, type Flag } from "../feedback/feedback-flags";
import { dedupeKey } from "../feedback/feedback-intake.server";
import { normalizeTrackingCode, TRACKING_ALPHABET } from "../lib/tracking-code.server";
import { composeBody } from "./feedback-text";
import type { OrgCategory } from "./names";
import { displayName, skipContactDraw } from "./people";
import type { Random } from "./random";
import { neighbourRating, ratingIndex } from "./ratings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What feedback generation needs to know about an evaluation. */
export interface FeedbackTarget {
  _id: Types.ObjectId;
  organization: Types.ObjectId;
  district: string;
  rating: string;
  category: OrgCategory;
  /** How likely residents are to write about it (large, weak or contested organizations draw more). */
  weight: number;
  /** Contested: residents split rather than mostly agree. */
  contested: boolean;
}

export interface FeedbackPlan {
  _id: Types.ObjectId;
  evaluation: Types.ObjectId;
  organization: Types.ObjectId;
  period: string;
  district: string;
  stance: Stance;
  proposedRating?: string;
  body: string;
  publicBody: string;
  displayName?: string;
  isResident: boolean;
  locale: "vi" | "en";
  trackingCode: string;
  dedupeKey: string;
  status: "pending" | "approved" | "rejected";
  flags: Flag[];
  moderation?: { decidedAt: Date; reason?: RejectReason };
  createdAt: Date;
  updatedAt: Date;
}

export interface FeedbackRun {
  period: string;
  targets: FeedbackTarget[];
  count: number;
  statuses: readonly (readonly ["pending" | "approved" | "rejected", number])[];
  /** Comments arrive between `from` and `to`; pending ones are the most recent. */
  from: Date;
  to: Date;
  ratingLabels: Map<string, string>;
}

/** Shared across runs so tracking codes and dedupe keys stay unique over the whole data set. */
export interface FeedbackContext {
  random: Random;
  newId: () => Types.ObjectId;
  trackingCodes: Set<string>;
  dedupeKeys: Set<string>;
}

const REJECT_WEIGHTS: [RejectReason, number][] = [
  ["spam", 25],
  ["abuse", 20],
  ["off-topic", 25],
  ["personal-data", 10],
  ["duplicate", 12],
  ["other", 8],
];

function trackingCode(ctx: FeedbackContext): string {
  for (;;) {
    let raw = "";
    for (let i = 0; i < 10; i++) raw += ctx.random.pick([...TRACKING_ALPHABET]);
    const code = normalizeTrackingCode(raw)!;
    if (!ctx.trackingCodes.has(code)) {
      ctx.trackingCodes.add(code);
      return code;
    }
  }
}

function pickTarget(targets: FeedbackTarget[], cumulative: number[], random: Random): FeedbackTarget {
  const roll = random.next() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > roll) hi = mid;
    else lo = mid + 1;
  }
  return targets[lo]!;
}

function pickStance(target: FeedbackTarget, random: Random): Stance {
  const split: [Stance, number][] = target.contested
    ? [
        ["agree", 45],
        ["disagree", 45],
        ["neutral", 10],
      ]
    : [
        ["agree", 80],
        ["disagree", 12],
        ["neutral", 8],
      ];
  return random.weighted(split);
}

/** A body whose dedupe key is new for its evaluation (residents rarely send the same words twice). */
function uniqueBody(ctx: FeedbackContext, target: FeedbackTarget, input: Omit<Parameters<typeof composeBody>[0], "attempt">) {
  for (let attempt = 0; ; attempt++) {
    const body = composeBody({ ...input, attempt }, ctx.random);
    const key = dedupeKey(String(target._id), body.text);
    if (!ctx.dedupeKeys.has(key)) {
      ctx.dedupeKeys.add(key);
      return { ...body, key };
    }
    if (attempt > 50) throw new Error(`No unique feedback text for evaluation ${String(target._id)}`);
  }
}

function timing(run: FeedbackRun, status: FeedbackPlan["status"], random: Random): { createdAt: Date; decidedAt?: Date } {
  const span = run.to.getTime() - run.from.getTime();
  if (status === "pending") return { createdAt: new Date(run.to.getTime() - random.next() * Math.min(5 * DAY, span)) };
  const createdAt = new Date(run.from.getTime() + random.next() * (span - 2 * HOUR));
  const decidedAt = new Date(Math.min(createdAt.getTime() + HOUR + random.next() * 2 * DAY, run.to.getTime()));
  return { createdAt, decidedAt };
}

function feedbackItem(run: FeedbackRun, ctx: FeedbackContext, target: FeedbackTarget): FeedbackPlan {
  const { random } = ctx;
  const status = random.weighted(run.statuses);
  const rejectReason = status === "rejected" ? random.weighted(REJECT_WEIGHTS) : undefined;
  const stance = pickStance(target, random);
  const proposedRating = stance === "disagree" && random.chance(0.6) ? neighbourRating(target.rating, random) : undefined;
  const locale = random.chance(0.03) ? "en" : "vi";
  const proposedLabel = proposedRating ? run.ratingLabels.get(proposedRating) : undefined;
  const tooHarsh = proposedRating ? ratingIndex(proposedRating) < ratingIndex(target.rating) : ratingIndex(target.rating) >= 3;
  const body = uniqueBody(ctx, target, { stance, tooHarsh, category: target.category, locale, proposedLabel, rejectReason });
  const name = displayName(random);
  const { createdAt, decidedAt } = timing(run, status, random);
  skipContactDraw(random);
  return {
    _id: ctx.newId(),
    evaluation: target._id,
    organization: target.organization,
    period: run.period,
    district: target.district,
    stance,
    proposedRating,
    body: body.text,
    publicBody: maskPersonalData(body.text),
    displayName: name,
    isResident: random.chance(0.85),
    locale,
    trackingCode: trackingCode(ctx),
    dedupeKey: body.key,
    status,
    flags: intakeFlags({ text: [name, body.text].filter(Boolean).join("\n"), words: [], similarRecent: 0 }),
    moderation: decidedAt ? { decidedAt, reason: rejectReason } : undefined,
    createdAt,
    updatedAt: decidedAt ?? createdAt,
  };
}

/** `run.count` feedback items over the run's evaluations, oldest first. */
export function buildFeedback(run: FeedbackRun, ctx: FeedbackContext): FeedbackPlan[] {
  const cumulative: number[] = [];
  run.targets.reduce((sum, t) => (cumulative.push(sum + t.weight), sum + t.weight), 0);
  const items = Array.from({ length: run.count }, () => feedbackItem(run, ctx, pickTarget(run.targets, cumulative, ctx.random)));
  return items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
