import { openDataResponse } from "~/utils/api.server";
import { publishedPeriods } from "~/utils/catalog.server";

/** GET /api/v1/periods: every published period with its scales, newest first (drafts stay private). */
export async function loader() {
  const periods = await publishedPeriods();
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
  return openDataResponse({ items });
}
