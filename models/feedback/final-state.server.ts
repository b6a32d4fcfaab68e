import type { FeedbackStatus } from "./feedback.server";

/** A comment's state once nothing more will happen to it unless someone acts again (a decision, a withdrawal, a removal). */
interface FinalState {
  feedbackId: string;
  status: FeedbackStatus;
}

type Listener = (state: FinalState) => Promise<void> | void;

const listeners: Listener[] = [];

/**
 * Lets another module (e-mail on decision, contact deletion) be told when a comment reaches a final state
 * through residents' follow-up; returns the function that stops listening. Listeners run in-process.
 */
export function onFinalState(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

/** Tells every listener; a listener's failure never undoes the state change (it is logged by the caller's logger if rethrown). */
export async function reachedFinalState(state: FinalState): Promise<void> {
  await Promise.allSettled(listeners.map(async (listener) => listener(state)));
}
