/**
 * `DATA_DIR=.cache/bench-100k tsx scripts/bench/generate-feedback.ts [--count 100000] [--period 2011]`: adds
 * `count` feedback items to the period's evaluations of an already seeded database (insertMany in batches),
 * then brings the counters in line with the recount (the inserts bypass moveCounters on purpose: it is what
 * summaries:rebuild is for). For benchmarks only; never run it against a real database.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Types } from "mongoose";
import { z } from "zod";
import { Evaluation } from "../../models/evaluation";
import { Feedback, type RejectReason, type Stance } from "../../models/feedback";
import { getPeriod } from "../../models/period";
import { recountCounters } from "../../models/recount";
import { CAMPAIGN_FLAG } from "../../models/summary-activity";
import { runScript } from "../db/open";
import { createRandom, type Random } from "../seed/random";

const ArgsSchema = z.object({
  count: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  period: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).default("2011"),
});
const BATCH = 2000;
const DAY = 86_400_000;
const STANCES: [Stance, number][] = [["agree", 74], ["disagree", 12], ["neutral", 14]];
const STATUSES: ["approved" | "pending" | "rejected", number][] = [["approved", 80], ["pending", 12], ["rejected", 8]];
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

function makeItem(random: Random, target: Target, period: string, scale: string[], runId: string, i: number, now: number) {
  const stance = random.weighted(STANCES);
  const status = random.weighted(STATUSES);
  const body = `${random.pick(OPENINGS)} ${random.pick(VIEWS[stance])} (#${i})`;
  const createdAt = new Date(now - random.next() * 90 * DAY);
  return {
    _id: new Types.ObjectId(),
    evaluation: target._id,
    organization: target.organization,
    period,
    district: target.district,
    stance,
    proposedRating: stance === "disagree" ? random.pick(scale) : undefined,
    body,
    publicBody: body,
    isResident: random.chance(0.6),
    locale: random.chance(0.95) ? "vi" : "en",
    trackingCode: `BENCH-${runId}-${i}`,
    dedupeKey: `bench-${runId}-${i}`,
    status,
    flags: random.chance(0.005) ? [{ kind: CAMPAIGN_FLAG, detail: "bench" }] : [],
    moderation: status === "pending" ? undefined : { decidedAt: createdAt, ...(status === "rejected" ? { reason: random.pick(REASONS) } : {}) },
    createdAt,
    updatedAt: createdAt,
  };
}

function main(): void {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { count: { type: "string" }, period: { type: "string" } } });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const { count, period } = parsed.data;

  void runScript(async () => {
    const found = await getPeriod({ code: period });
    if (!found) return (console.error(`no period ${period}: seed the database first (npm run seed)`), 1);
    const targets = await Evaluation.find({ period }, { organization: 1, district: 1 }).sort({ _id: 1 }).lean<Target[]>();
    if (targets.length === 0) return (console.error(`period ${period} has no evaluations`), 1);
    const random = createRandom(20_120_101);
    const scale = found.ratingScale.map((s) => s.key);
    const runId = randomBytes(3).toString("hex");
    const now = Date.now();
    const started = Date.now();
    for (let from = 0; from < count; from += BATCH) {
      const batch = [];
      for (let i = from; i < Math.min(count, from + BATCH); i++) batch.push(makeItem(random, random.pick(targets), period, scale, runId, i, now));
      // Plain documents, no per-item validation: mongoose's `lean` insert keeps 100,000 items to minutes.
      await Feedback.insertMany(batch, { lean: true, ordered: false });
      if ((from / BATCH) % 10 === 0) console.log(`${Math.min(count, from + BATCH)} / ${count} items (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    console.log(`inserted ${count} items in ${((Date.now() - started) / 1000).toFixed(1)} s; recounting counters…`);
    const report = await recountCounters({ period });
    console.log(`${report.checked} evaluations checked, ${report.repaired} counters brought in line`);
    return 0;
  });
}

main();
