import type { NextFunction, Request, Response } from "express";

/** starting: connecting or seeding; ready: serving; stopping: SIGTERM arrived, finishing what is in flight. */
export type Phase = "starting" | "ready" | "stopping";

export interface Lifecycle {
  phase(): Phase;
  markReady(): void;
  /** Start-up hit a fault that waiting will not cure (an index that cannot be built): never ready, and this says why. */
  markFaulty(reason: string): void;
  /** The fault start-up reported, or null. */
  fault(): string | null;
  /** Not ready from now on; requests still arriving are served until the drain ends. */
  stop(): void;
  /** Counts a request from arrival until its connection is done with it. */
  track(req: Request, res: Response, next: NextFunction): void;
  /** Resolves true once no request is in flight, or false when `limitMs` passes first. */
  drained(limitMs: number): Promise<boolean>;
}

export function createLifecycle(): Lifecycle {
  let phase: Phase = "starting";
  let fault: string | null = null;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  return {
    phase: () => phase,
    markReady() {
      if (phase === "starting" && fault === null) phase = "ready";
    },
    markFaulty(reason) {
      fault = reason;
    },
    fault: () => fault,
    stop() {
      phase = "stopping";
    },
    track(_req, res, next) {
      inFlight += 1;
      // A keep-alive client is told to reconnect, which lands it on another instance.
      if (phase === "stopping") res.setHeader("Connection", "close");
      res.once("close", () => {
        inFlight -= 1;
        if (inFlight === 0) wake?.();
      });
      next();
    },
    drained(limitMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), limitMs);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}
