import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, fieldErrors, jsonResponse, translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { queuePage } from "~/utils/moderation.server";

/** GET /api/v1/moderation/queue?status=pending&cursor=&limit= → {items:[{id, trackingCode, evaluation, stance, body, flags, createdAt, status, followUp, wave}], nextCursor}. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  const page = await queuePage(new URL(request.url).searchParams);
  if (!page.ok) {
    if (!page.error) return apiError(400, "invalid_cursor", t("moderation:errors.invalidCursor"));
    return apiError(400, "invalid_query", t("moderation:errors.invalidQuery"), fieldErrors(page.error, t));
  }
  return jsonResponse({
    items: page.items.map((item) => ({
      id: item.id,
      trackingCode: item.trackingCode,
      evaluation: item.evaluation,
      stance: item.stance,
      body: item.body,
      flags: item.flags,
      createdAt: item.createdAt,
      status: item.status,
      // Back for review after publication: why (removal request or reports) and the reports' counts per reason.
      followUp: item.followUp,
      // One of a campaign wave of similar comments: decide them together (the sample text stays on the page).
      wave: item.wave ? { id: item.wave.id, size: item.wave.size } : null,
    })),
    nextCursor: page.nextCursor,
  });
}
