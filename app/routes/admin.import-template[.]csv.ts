import type { LoaderFunctionArgs } from "@remix-run/node";
import { importTemplate, PERIOD_CODE } from "~/utils/admin.server";
import { requireRole } from "~/utils/auth.server";
import { translatorFor } from "~/utils/api.server";

/** GET /admin/import-template.csv?period=CODE — the header that period's files need, with one example row. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const code = new URL(request.url).searchParams.get("period") ?? "";
  const csv = PERIOD_CODE.test(code) ? await importTemplate({ period: code }) : null;
  if (csv === null) {
    const t = await translatorFor(request);
    return new Response(t("errors.notFound.body"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="cong-khai-mau-${code}.csv"` },
  });
}
