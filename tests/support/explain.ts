import mongoose from "mongoose";

/** One database operation as mongoose handed it to the driver. */
export interface RecordedQuery {
  collection: string;
  method: string;
  args: unknown[];
}

/** The reads whose plans matter: finds and aggregations (`countDocuments` is an aggregation underneath). */
const READS = new Set(["find", "findOne", "aggregate", "countDocuments"]);

/** Runs `task` and returns every read it sent, with its filter, sort and pipeline exactly as the driver received them. */
export async function recordReads(task: () => Promise<unknown>): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  mongoose.set("debug", (collection: string, method: string, ...args: unknown[]) => {
    if (READS.has(method)) recorded.push({ collection, method, args });
  });
  try {
    await task();
  } finally {
    mongoose.set("debug", false);
  }
  return recorded;
}

type Options = { sort?: Record<string, 1 | -1>; limit?: number; projection?: Record<string, unknown> };

/** A find of every document on purpose (the catalog's organizations, say): no filter and no order to serve. */
export function readsEverything(query: RecordedQuery): boolean {
  const [filter, options] = query.args as [Record<string, unknown> | undefined, Options | undefined];
  return query.method === "find" && Object.keys(filter ?? {}).length === 0 && !options?.sort;
}

/** The server's `explain("queryPlanner")` of a recorded read, run again through the driver. */
export async function explainRead(query: RecordedQuery): Promise<unknown> {
  const collection = mongoose.connection.db!.collection(query.collection);
  if (query.method === "aggregate") return collection.aggregate(query.args[0] as Record<string, unknown>[]).explain("queryPlanner");
  const [filter = {}, options = {}] = query.args as [Record<string, unknown> | undefined, Options | undefined];
  if (query.method === "countDocuments")
    return collection.aggregate([{ $match: filter }, { $group: { _id: 1, n: { $sum: 1 } } }]).explain("queryPlanner");
  const limit = query.method === "findOne" ? 1 : options.limit;
  return collection.find(filter, { sort: options.sort, limit, projection: options.projection }).explain("queryPlanner");
}

/** Every `stage` name in the winning plans of an explain answer (find, aggregation `$cursor`, classic or slot-based engine). */
export function winningStages(explain: unknown): string[] {
  const stages: string[] = [];
  const walkPlan = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walkPlan);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "stage" && typeof value === "string") stages.push(value);
      else if (key !== "rejectedPlans") walkPlan(value);
    }
  };
  const findWinners = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(findWinners);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "winningPlan") walkPlan(value);
      else if (key !== "rejectedPlans") findWinners(value);
    }
  };
  findWinners(explain);
  return stages;
}

const INDEX_STAGES = ["IXSCAN", "EXPRESS_IXSCAN", "IDHACK", "COUNT_SCAN", "DISTINCT_SCAN"];

/** What is wrong with a plan for a list query: no index stage, a collection scan, or a sort that reads everything first. */
export function planProblems(stages: string[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) problems.push("no winning plan in the explain answer");
  else if (!stages.some((stage) => INDEX_STAGES.includes(stage))) problems.push(`no index stage in ${stages.join(" > ")}`);
  if (stages.includes("COLLSCAN")) problems.push(`collection scan in ${stages.join(" > ")}`);
  if (stages.includes("SORT")) problems.push(`blocking sort in ${stages.join(" > ")}`);
  return problems;
}
