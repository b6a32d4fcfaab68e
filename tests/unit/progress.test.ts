import { describe, expect, it } from "vitest";
import { progressBar, progressSteps, stagedProgress, type ProgressOptions } from "../../scripts/progress";

/** What a script would write to a log file (not a terminal), on a clock the test moves. */
function plainLog(): { options: ProgressOptions; text: () => string; advance: (ms: number) => void } {
  let text = "";
  let now = 0;
  return {
    options: { tty: false, out: { write: (chunk: string) => (text += chunk) }, now: () => now, everyMs: 5000 },
    text: () => text,
    advance: (ms) => void (now += ms),
  };
}

describe("progress in a log that is not a terminal", () => {
  it("writes plain lines: the first, one every few seconds, and the last; never a carriage return", () => {
    const log = plainLog();
    const bar = progressBar("writing", log.options);
    for (let done = 0; done <= 1000; done += 10) {
      bar(done, 1000);
      log.advance(100);
    }
    bar(1000, 1000);
    expect(log.text()).not.toContain("\r");
    expect(log.text().split("\n")).toEqual([
      "writing: 0% (0/1000) after 0.0 s",
      "writing: 50% (500/1000) after 5.0 s",
      "writing: 100% (1000/1000) after 10.0 s",
      "",
    ]);
  });

  it("starts a bar per stage of the seed", () => {
    const log = plainLog();
    const seed = stagedProgress(log.options);
    seed({ stage: "organizations", done: 920, total: 920 });
    seed({ stage: "feedback", done: 0, total: 4900 });
    log.advance(2000);
    seed({ stage: "feedback", done: 4900, total: 4900 });
    expect(log.text()).toBe(
      "organizations: 100% (920/920) after 0.0 s\nfeedback: 0% (0/4900) after 0.0 s\nfeedback: 100% (4900/4900) after 2.0 s\n",
    );
  });

  it("numbers the steps of summaries:rebuild and says how long each took", async () => {
    const log = plainLog();
    const step = progressSteps(2, log.options);
    const drifts = await step("recounting every counter", async () => {
      log.advance(1500);
      return 3;
    });
    await step("opening re-reviews now due", async () => log.advance(500));
    expect(drifts).toBe(3);
    expect(log.text()).toBe(
      "[1/2] recounting every counter…\n[1/2] recounting every counter: done in 1.5 s (1.5 s in all)\n[2/2] opening re-reviews now due…\n[2/2] opening re-reviews now due: done in 0.5 s (2.0 s in all)\n",
    );
  });
});

describe("progress on a terminal", () => {
  it("redraws one line in place and ends it once", () => {
    let text = "";
    const bar = progressBar("writing", { tty: true, out: { write: (chunk: string) => (text += chunk) }, now: () => 0 });
    bar(1, 2);
    bar(2, 2);
    bar(2, 2);
    expect(text.startsWith("\rwriting [############------------]  50% 1/2 0.0 s")).toBe(true);
    expect(text.match(/\n/g)).toHaveLength(1);
  });
});
