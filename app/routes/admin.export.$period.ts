import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPeriodCsv, PERIOD_CODE } from "~/utils/admin.server";
import { requireRole } from "~/utils/auth.server";
import { translatorFor } from "~/utils/api.server";

/** GET /admin/export/:period — the period's evaluations as CSV in the import format (re-imports with no change). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const code = params.period ?? "";
  const csv = PERIOD_CODE.test(code) ? await exportPeriodCsv({ period: code }) : null;
  if (csv === null) {
    const t = await translatorFor(request);
    return new Response(t("errors.notFound.body"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cong-khai-${code}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
