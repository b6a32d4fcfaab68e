import type { z } from "zod";
import { findPublishedPeriod } from "../../models/catalog/catalog.server";
import type { PeriodView } from "../../models/catalog/period.server";
import { translatorFor } from "./api.server";
import { refusedInput } from "./refusals.server";

/** A query parameter left blank ("all districts", an empty search box) counts as absent: no filter. */
export const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export type PeriodQueryRefusal = {
  ok: false;
  status: 400 | 404;
  code: "invalid_query" | "period_not_found";
  message: string;
  fields?: Record<string, string>;
};

/**
 * Validates a public page's or API's query and finds the published period it names (the default one when none
 * is named): 400 with field errors, or 404, with the messages `<ns>:errors.invalidQuery` and `<ns>:errors.periodNotFound`.
 */
export async function parsePeriodQuery<Query extends { period?: string }>({
  request,
  ns,
  schema,
  values,
}: {
  request: Request;
  ns: "reviews" | "summary";
  schema: z.ZodType<Query, z.ZodTypeDef, unknown>;
  values: Record<string, string>;
}): Promise<{ ok: true; query: Query; period: PeriodView } | PeriodQueryRefusal> {
  const t = await translatorFor(request, [ns, "common"]);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return refusedInput("invalid_query", t(`${ns}:errors.invalidQuery`), parsed.error, t);
  const period = await findPublishedPeriod({ code: parsed.data.period });
  if (!period) return { ok: false, status: 404, code: "period_not_found", message: t(`${ns}:errors.periodNotFound`) };
  return { ok: true, query: parsed.data, period };
}
