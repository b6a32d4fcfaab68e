import { Types } from "mongoose";
import { catalogChanged } from "../catalog/catalog-cache.server";
import { serialised } from "../db/connection.server";
import { contribution, type CountedState } from "../feedback/counters.server";
import { Evaluation } from "../catalog/evaluation.server";
import { Feedback, type FeedbackStatus, type RejectReason, type Stance } from "../feedback/feedback.server";
import { rebuildParticipation } from "./participation.server";
import { rebuildCampaignFlags } from "../feedback/campaign-flags.server";
import { addInto } from "./summary-rows";

/** One counter whose stored value differs from a recount of the feedback collection. */
export interface Drift {
  evaluation: string;
  orgCode: string;
  period: string;
  /** Dotted counter path: counters.agree, residentCounters.neutral, proposed.tsvm, rejected.spam… */
  field: string;
  stored: number;
  recount: number;
}

export interface RecountReport {
  checked: number;
  drifts: Drift[];
  repaired: number;
  /** Drifts still present after the last pass (only when decisions kept arriving meanwhile). */
  unresolved: Drift[];
  /** Participation day documents brought in line with the feedback collection. */
  participationDays: number;
  /** Evaluations whose campaign-flag count the rebuild corrected. */
  campaignFlags: number;
}

type Paths = Record<string, number>;

interface StoredDoc {
  _id: unknown;
  orgCode: string;
  period: string;
  counters?: Record<string, number>;
  residentCounters?: Record<string, number>;
  proposed?: Record<string, number>;
  rejected?: Record<string, number>;
  followUp?: Record<string, number>;
}

const COUNTER_FIELDS = ["counters", "residentCounters", "proposed", "rejected", "followUp"] as const;

/** An evaluation's stored counters as dotted paths, the form contribution() speaks. */
function storedPaths(doc: StoredDoc): Paths {
  const paths: Paths = {};
  for (const field of COUNTER_FIELDS) for (const [key, n] of Object.entries(doc[field] ?? {})) paths[`${field}.${key}`] = n;
  return paths;
}

interface RecountRow {
  evaluation: unknown;
  status: FeedbackStatus;
  stance: Stance;
  isResident?: boolean | null;
  proposedRating?: string | null;
  moderation?: { reason?: RejectReason | null } | null;
}

/**
 * Recounts from the feedback collection with the rules moveCounters uses: a pipeline of $match and $project
 * streams each item's counted fields, folded through contribution() here. Not $group: FerretDB 1.24 finds
 * an item's group by a linear search of all groups, which at 100,000 items and thousands of groups ran for
 * over ten minutes; the stream is one pass.
 */
async function recountPaths(filter: Record<string, unknown>): Promise<Map<string, Paths>> {
  const rows = Feedback.aggregate<RecountRow>([
    { $match: filter },
    { $project: { _id: 0, evaluation: 1, status: 1, stance: 1, isResident: 1, proposedRating: 1, "moderation.reason": 1 } },
  ]).cursor({ batchSize: 2000 });
  const byEvaluation = new Map<string, Paths>();
  for await (const row of rows) {
    const state: CountedState = {
      status: row.status,
      stance: row.stance,
      isResident: row.isResident === true,
      proposedRating: row.proposedRating ?? null,
      rejectReason: row.moderation?.reason ?? null,
    };
    const key = String(row.evaluation);
    const paths = byEvaluation.get(key) ?? {};
    addInto(paths, contribution(state));
    byEvaluation.set(key, paths);
  }
  return byEvaluation;
}

async function readStored(filter: Record<string, unknown>): Promise<Map<string, StoredDoc>> {
  const docs = await Evaluation.find(filter, {
    orgCode: 1,
    period: 1,
    counters: 1,
    residentCounters: 1,
    proposed: 1,
    rejected: 1,
    followUp: 1,
  })
    .sort({ _id: 1 })
    .lean<StoredDoc[]>();
  return new Map(docs.map((doc) => [String(doc._id), doc]));
}

function samePaths(a: Paths, b: Paths): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

interface Pass {
  checked: number;
  drifts: Drift[];
  /** Evaluations whose counters moved during the pass (a decision landed): compared again next pass. */
  moving: string[];
}

/**
 * One pass: stored counters are read before and after the recount, and an evaluation whose counters moved
 * meanwhile is left for the next pass rather than "repaired" from a stale comparison.
 */
async function findDrifts(evaluationFilter: Record<string, unknown>, feedbackFilter: Record<string, unknown>): Promise<Pass> {
  const before = await readStored(evaluationFilter);
  const recount = await recountPaths(feedbackFilter);
  const after = await readStored(evaluationFilter);
  const pass: Pass = { checked: after.size, drifts: [], moving: [] };
  for (const [id, doc] of after) {
    const stored = storedPaths(doc);
    const previous = before.get(id);
    if (!previous || !samePaths(storedPaths(previous), stored)) {
      pass.moving.push(id);
      continue;
    }
    const expected = recount.get(id) ?? {};
    for (const field of [...new Set([...Object.keys(stored), ...Object.keys(expected)])].sort()) {
      const s = stored[field] ?? 0;
      const r = expected[field] ?? 0;
      if (s !== r) pass.drifts.push({ evaluation: id, orgCode: doc.orgCode, period: doc.period, field, stored: s, recount: r });
    }
  }
  return pass;
}

/**
 * Repairs with $inc of the DIFFERENCE, never $set of the recount: a decision that moves the same counter
 * between our read and our write keeps its own $inc, whereas a $set would erase it. In-process the write is
 * serialised with the app's moveCounters; across processes on FerretDB (which writes whole documents back)
 * a concurrent app write can still be lost, so the caller re-checks and a re-run converges.
 */
async function repair(drifts: Drift[]): Promise<number> {
  const byEvaluation = new Map<string, Paths>();
  for (const d of drifts) byEvaluation.set(d.evaluation, { ...byEvaluation.get(d.evaluation), [d.field]: d.recount - d.stored });
  for (const [id, inc] of byEvaluation) await serialised(Evaluation, id, () => Evaluation.updateOne({ _id: id }, { $inc: inc }));
  return drifts.length;
}

const MAX_PASSES = 3;
/** Beyond this many evaluations a re-check recounts the whole scope: FerretDB tests a long $in per item. */
const RECHECK_BY_ID_LIMIT = 50;

/** Recounts only `ids`: by id when they are few, else the whole scope with the others left out. */
async function recheck(scope: Record<string, unknown>, ids: string[]): Promise<Pass> {
  if (ids.length <= RECHECK_BY_ID_LIMIT)
    return findDrifts({ _id: { $in: ids } }, { evaluation: { $in: ids.map((id) => new Types.ObjectId(id)) } });
  const wanted = new Set(ids);
  const pass = await findDrifts(scope, scope);
  return {
    checked: ids.length,
    drifts: pass.drifts.filter((d) => wanted.has(d.evaluation)),
    moving: pass.moving.filter((id) => wanted.has(id)),
  };
}

/**
 * Compares every evaluation's counters with a recount of the feedback collection (optionally one period),
 * reports each drift and, unless `dryRun`, repairs it and re-checks what it repaired or saw moving.
 */
export async function recountCounters({ period, dryRun = false }: { period?: string; dryRun?: boolean } = {}): Promise<RecountReport> {
  const scope = period ? { period } : {};
  let pass = await findDrifts(scope, scope);
  const report: RecountReport = {
    checked: pass.checked,
    drifts: [...pass.drifts],
    repaired: 0,
    unresolved: [],
    participationDays: 0,
    campaignFlags: 0,
  };
  if (dryRun) return { ...report, unresolved: pass.drifts };
  try {
    for (let n = 1; n <= MAX_PASSES; n++) {
      report.repaired += await repair(pass.drifts);
      const ids = [...new Set([...pass.drifts.map((d) => d.evaluation), ...pass.moving])];
      if (ids.length === 0) return report;
      pass = await recheck(scope, ids);
      if (n < MAX_PASSES) report.drifts.push(...pass.drifts);
    }
    return { ...report, unresolved: pass.drifts };
  } finally {
    // The participation and campaign read models are rebuilt from the same collection; the repairs bypass moveCounters, so readers reload.
    report.participationDays = await rebuildParticipation({ period });
    report.campaignFlags = await rebuildCampaignFlags({ period });
    await catalogChanged();
  }
}
