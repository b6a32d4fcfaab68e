import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, openDataResponse, translatorFor } from "~/utils/api.server";
import { getOrganizationDetail } from "~/utils/catalog.server";
import { apiReplies } from "~/utils/replies.server";

/** GET /api/v1/organizations/:code → the organization and its rating in every published period. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const detail = params.code ? await getOrganizationDetail({ code: params.code }) : null;
  if (!detail) {
    const t = await translatorFor(request, ["organizations", "common"]);
    return apiError(404, "not_found", t("organizations:errors.notFound", { code: params.code ?? "" }));
  }
  const { code, name, kind, district, members, evaluations } = detail;
  const replies = await apiReplies({ evaluationIds: evaluations.map((evaluation) => evaluation.id) });
  return openDataResponse({
    code,
    name,
    kind,
    district,
    members,
    evaluations: evaluations.map(({ id, period, rating, members: memberCounts, counters, ratingHistory }) => ({
      id,
      period,
      rating,
      members: memberCounts,
      counters,
      ratingHistory: ratingHistory.map(({ from, to, revisedAt, note }) => ({ from, to, revisedAt, note })),
      reply: replies[id] ?? null,
    })),
  });
}
