/**
 * BENCHMARK ONLY: `npm run bench:data -- --count N [--period CODE]` adds N generated comments to the period's
 * evaluations of an already seeded database (the running embedded one named in `$DATA_DIR/mongodb.uri`, or
 * MONGODB_URI), bulk-inserted past the intake on purpose, then rebuilds every read model and recounts the
 * counters so the data stays consistent. Never run it against a real database.
 */
import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { z } from "zod";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback, type RejectReason, type Stance } from "../../models/feedback/feedback.server";
import { dedupeKey } from "../../models/feedback/feedback-intake.server";
import { getPeriod } from "../../models/catalog/period.server";
import { rebuildFeedbackReadModels } from "../../models/feedback/read-models.server";
import { recountCounters } from "../../models/summary/recount.server";
import { CAMPAIGN_FLAG } from "../../models/feedback/campaign-flags.server";
import { generateTrackingCode } from "../../models/lib/tracking-code.server";
import { periodCodeArg, wholeNumberArg } from "../cli-args";
import { optionsOrExit } from "./args";
import { runScript } from "../../embedded-db/open";
import { progressBar } from "../progress";
import { createRandom, type Random } from "../../models/demo/random";

const USAGE = `usage: npm run bench:data -- --count N [--period CODE]
  BENCHMARK ONLY: adds N (1 to 1,000,000) generated comments to a seeded database's period (default 2011),
  then rebuilds the read models and recounts the counters. Restart the server afterwards.`;

const ArgsSchema = z.object({
  count: wholeNumberArg("--count", 1, 1_000_000),
  period: periodCodeArg().default("2011"),
});

const BATCH = 2000;
const DAY = 86_400_000;
const STANCES: [Stance, number][] = [
  ["agree", 74],
  ["disagree", 12],
  ["neutral", 14],
];
const STATUSES: ["approved" | "pending" | "rejected", number][] = [
  ["approved", 80],
  ["pending", 12],
  ["rejected", 8],
];
const REASONS: RejectReason[] = ["spam", "abuse", "personal-data", "off-topic", "duplicate", "other"];
const OPENINGS = ["Tôi thấy", "Theo tôi,", "Người dân khu phố thấy", "Qua theo dõi,"];
const VIEWS: Record<Stance, string[]> = {
  agree: ["xếp loại như vậy là đúng với thực tế.", "chi bộ sinh hoạt đều, giải quyết việc dân nhanh."],
  disagree: ["xếp loại này cao hơn thực tế.", "nhiều việc của dân còn chậm giải quyết."],
  neutral: ["tôi chưa đủ thông tin để nhận xét.", "cần thêm thời gian theo dõi."],
};

interface Target {
  _id: Types.ObjectId;
  organization: Types.ObjectId;
  district: string;
}

interface ItemContext {
  random: Random;
  period: string;
  scale: string[];
  runId: string;
  now: number;
  /** Codes handed out in this run: a collision with an earlier item is left to the unique index. */
  codes: Set<string>;
}

function freshCode(codes: Set<string>): string {
  for (;;) {
    const code = generateTrackingCode();
    if (!codes.has(code)) return (codes.add(code), code);
  }
}

function makeItem(ctx: ItemContext, target: Target, i: number) {
  const { random } = ctx;
  const stance = random.weighted(STANCES);
  const status = random.weighted(STATUSES);
  // The run id keeps bodies, hence dedupe keys, distinct from every earlier run.
  const body = `${random.pick(OPENINGS)} ${random.pick(VIEWS[stance])} (#${ctx.runId}-${i})`;
  const createdAt = new Date(ctx.now - random.next() * 90 * DAY);
  return {
    _id: new Types.ObjectId(),
    evaluation: target._id,
    organization: target.organization,
    period: ctx.period,
    district: target.district,
    stance,
    proposedRating: stance === "disagree" ? random.pick(ctx.scale) : undefined,
    body,
    publicBody: body,
    isResident: random.chance(0.6),
    locale: random.chance(0.95) ? "vi" : "en",
    trackingCode: freshCode(ctx.codes),
    dedupeKey: dedupeKey(String(target._id), body),
    status,
    flags: random.chance(0.005) ? [{ kind: CAMPAIGN_FLAG, detail: "bench" }] : [],
    moderation:
      status === "pending" ? undefined : { decidedAt: createdAt, ...(status === "rejected" ? { reason: random.pick(REASONS) } : {}) },
    createdAt,
    updatedAt: createdAt,
  };
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function main(): void {
  const { count, period } = optionsOrExit(USAGE, ArgsSchema, { strings: ["count", "period"] });

  void runScript(async () => {
    const found = await getPeriod({ code: period });
    if (!found) return (console.error(`no period ${period}: seed the database first (npm run seed)`), 1);
    const targets = await Evaluation.find({ period }, { organization: 1, district: 1 }).sort({ _id: 1 }).lean<Target[]>();
    if (targets.length === 0) return (console.error(`period ${period} has no evaluations`), 1);
    const runId = randomBytes(3).toString("hex");
    const ctx: ItemContext = {
      random: createRandom(parseInt(runId, 16)),
      period,
      scale: found.ratingScale.map((s) => s.key),
      runId,
      now: Date.now(),
      codes: new Set(),
    };
    const started = Date.now();
    const written = progressBar("comments");
    for (let from = 0; from < count; from += BATCH) {
      const batch = [];
      for (let i = from; i < Math.min(count, from + BATCH); i++) batch.push(makeItem(ctx, ctx.random.pick(targets), i));
      // Plain documents, no per-item validation: mongoose's `lean` insert keeps 100,000 items to minutes.
      await Feedback.insertMany(batch, { lean: true, ordered: false });
      written(Math.min(count, from + BATCH), count);
    }
    console.log(`inserted ${count} comments over ${targets.length} evaluations in ${seconds(started)} s; rebuilding read models…`);
    const rebuilt = await rebuildFeedbackReadModels();
    console.log(
      `read models rebuilt in ${(rebuilt.ms / 1000).toFixed(1)} s: ${rebuilt.codes} tracking codes, ${rebuilt.queue} queued, ${rebuilt.published} published; recounting counters…`,
    );
    const report = await recountCounters({ period });
    console.log(
      `${report.checked} evaluations checked, ${report.repaired} counters brought in line. Restart the server so its caches start afresh.`,
    );
    return 0;
  });
}

main();
