import { data } from "@remix-run/node";
import { listPeriods, OPEN_DATA_HEADERS } from "~/utils/catalog.server";

/** GET /api/v1/periods: every published period with its scales, newest first (drafts stay private). */
export async function loader() {
  const periods = await listPeriods();
  const items = periods.map(({ code, year, title, status, commentsOpenAt, commentsCloseAt, ratingScale, memberScale }) => ({
    code,
    year,
    title,
    status,
    commentsOpenAt,
    commentsCloseAt,
    ratingScale,
    memberScale,
  }));
  return data({ items }, { headers: OPEN_DATA_HEADERS });
}
