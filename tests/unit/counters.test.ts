import { describe, expect, it } from "vitest";
import { contribution, counterDelta } from "../../models/feedback/counters.server";

describe("counter rules", () => {
  it("counts a new item as pending only", () => {
    expect(counterDelta(null, { status: "pending", stance: "agree", isResident: true })).toEqual({ "counters.pending": 1 });
  });

  it("moves an approved disagreement with a proposal out of pending into three counters", () => {
    const pending = { status: "pending", stance: "disagree", isResident: true, proposedRating: "hoan-thanh" } as const;
    expect(counterDelta(pending, { ...pending, status: "approved" })).toEqual({
      "counters.pending": -1,
      "counters.disagree": 1,
      "residentCounters.disagree": 1,
      "proposed.hoan-thanh": 1,
    });
  });

  it("counts a rejection under its reason and never under a stance", () => {
    expect(contribution({ status: "rejected", stance: "agree", isResident: false, rejectReason: "spam" })).toEqual({ "rejected.spam": 1 });
  });

  it("reversing a decision undoes exactly what it added", () => {
    const approved = { status: "approved", stance: "agree", isResident: false } as const;
    const rejected = { status: "rejected", stance: "agree", isResident: false, rejectReason: "abuse" } as const;
    expect(counterDelta(approved, rejected)).toEqual({ "counters.agree": -1, "rejected.abuse": 1 });
    expect(counterDelta(approved, approved)).toEqual({});
  });
});
