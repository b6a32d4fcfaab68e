import i18next from "i18next";
import nodemailer, { type Transporter } from "nodemailer";
import { resources } from "../../locales";
import { env } from "../../app/utils/env.server";
import { logInfo, logWarn } from "../../app/utils/log.server";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { claimContact } from "./contact.server";
import type { RejectReason } from "./feedback.server";

/** Waits before the 2nd, 3rd and 4th attempt; after the 4th the message is given up (logged, never kept). */
const RETRY_DELAYS_MS = [2_000, 30_000, 120_000];

export interface DecidedComment {
  feedbackId: string;
  evaluation: string;
  trackingCode: string;
  status: "approved" | "rejected";
  reason: RejectReason | null;
}

const i18n = i18next.createInstance();
void i18n.init({
  lng: "vi",
  fallbackLng: "vi",
  resources,
  ns: ["feedback"],
  defaultNS: "feedback",
  initImmediate: false,
  interpolation: { escapeValue: false },
});

let cached: { url: string; transport: Transporter } | null = null;

/** One pooled-by-nodemailer transport per SMTP_URL; null when mail is off. */
function transport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

function sender(): string {
  const config = env();
  return config.SMTP_FROM ?? `Công Khai <no-reply@${config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : "localhost"}>`;
}

/** The message in the resident's language: the decision, the reason of a rejection, the tracking code and link. */
export async function composeDecisionMail(input: DecidedComment & { locale: "vi" | "en" }): Promise<{ subject: string; text: string }> {
  const t = i18n.getFixedT(input.locale, "feedback");
  const row = (await catalogSnapshot()).rowsById.get(input.evaluation);
  const about = { organization: row?.orgName ?? "", period: row?.period ?? "" };
  const reason = input.reason ? t(`tracking.reasons.${input.reason}`) : "";
  const base = env().PUBLIC_URL;
  const lines = [
    t("mail.greeting"),
    "",
    t(`mail.${input.status}`, { ...about, reason }),
    "",
    t("mail.code", { code: input.trackingCode }),
    ...(base ? [t("mail.link", { url: `${base}/feedback/${input.trackingCode}?lng=${input.locale}` })] : []),
    "",
    t("mail.forgotten"),
    t("mail.signature"),
  ];
  return { subject: t(`mail.subject.${input.status}`), text: `${lines.join("\n")}\n` };
}

/** What may be logged of a failed send: codes only; SMTP replies can quote the address. */
function failureFields(error: unknown): { code: string; responseCode?: number } {
  const failure = error as { code?: unknown; responseCode?: unknown } | null;
  return {
    code: typeof failure?.code === "string" ? failure.code : "unknown",
    ...(typeof failure?.responseCode === "number" ? { responseCode: failure.responseCode } : {}),
  };
}

/** A 5xx reply (unknown mailbox, refused sender) will not change on retry; connections and 4xx may. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Claims the address (exactly one caller gets it, and it leaves the database), then sends with bounded retries. */
async function deliver(decided: DecidedComment): Promise<void> {
  const contact = await claimContact({ feedbackId: decided.feedbackId });
  const mailer = contact && transport();
  if (!contact || !mailer) return;
  // One address object, never a string nodemailer would split on commas into several recipients.
  const message = {
    from: sender(),
    to: { name: "", address: contact.email },
    ...(await composeDecisionMail({ ...decided, locale: contact.locale })),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await mailer.sendMail(message);
      logInfo("decision mail sent", { feedbackId: decided.feedbackId, attempt });
      return;
    } catch (error) {
      const last = attempt > RETRY_DELAYS_MS.length || isPermanent(error);
      logWarn(last ? "decision mail given up; the address is already deleted" : "decision mail failed; will retry", {
        feedbackId: decided.feedbackId,
        attempt,
        ...failureFields(error),
      });
      if (last) return;
      await wait(RETRY_DELAYS_MS[attempt - 1]!);
    }
  }
}

const inFlight = new Set<Promise<void>>();

/**
 * Tells the resident about a decision already committed, in the background: the moderator's request does not
 * wait for the SMTP round trip. Safe to call for every decision: without a kept address it does nothing.
 */
export function notifyDecision(decided: DecidedComment): void {
  const task: Promise<void> = deliver(decided)
    .catch((error: unknown) => logWarn("decision mail not sent", { feedbackId: decided.feedbackId, ...failureFields(error) }))
    .finally(() => inFlight.delete(task));
  inFlight.add(task);
}

/** Resolves once every decision mail started so far has been sent or given up (tests; a graceful stop). */
export async function flushMail(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
