import { describe, expect, it } from "vitest";
import { planProblems, winningStages } from "../support/explain";

// Shapes of MongoDB's explain("queryPlanner") answers, trimmed to the fields the helper reads.
const classicFind = {
  queryPlanner: {
    winningPlan: {
      stage: "LIMIT",
      inputStage: { stage: "FETCH", inputStage: { stage: "IXSCAN", indexName: "status_1_createdAt_1__id_1" } },
    },
    rejectedPlans: [{ stage: "SORT", inputStage: { stage: "COLLSCAN" } }],
  },
};
const slotBasedFind = {
  explainVersion: "2",
  queryPlanner: {
    winningPlan: { queryPlan: { stage: "SORT", inputStage: { stage: "COLLSCAN" } }, slotBasedPlan: { stages: "[1] sort ..." } },
    rejectedPlans: [],
  },
};
const classicAggregate = {
  stages: [{ $cursor: { queryPlanner: { winningPlan: { stage: "PROJECTION_SIMPLE", inputStage: { stage: "IXSCAN" } } } } }, { $group: {} }],
};
const sharded = {
  queryPlanner: { winningPlan: { stage: "SINGLE_SHARD", shards: [{ shardName: "a", winningPlan: { stage: "EXPRESS_IXSCAN" } }] } },
};

describe("explain plan reading", () => {
  it("reads the winning plan's stages and ignores the rejected ones", () => {
    expect(winningStages(classicFind)).toEqual(["LIMIT", "FETCH", "IXSCAN"]);
    expect(planProblems(winningStages(classicFind))).toEqual([]);
  });

  it("finds the plan inside an aggregation's $cursor stage and a sharded answer", () => {
    expect(planProblems(winningStages(classicAggregate))).toEqual([]);
    expect(winningStages(sharded)).toEqual(["SINGLE_SHARD", "EXPRESS_IXSCAN"]);
  });

  it("reports a collection scan and a blocking sort in the slot-based engine's plan", () => {
    expect(planProblems(winningStages(slotBasedFind))).toEqual([
      "no index stage in SORT > COLLSCAN",
      "collection scan in SORT > COLLSCAN",
      "blocking sort in SORT > COLLSCAN",
    ]);
  });

  it("reports an answer without a winning plan (FerretDB's, say)", () => {
    expect(planProblems(winningStages({ queryPlanner: { Plan: "SCAN evaluations" } }))).toEqual(["no winning plan in the explain answer"]);
  });
});
