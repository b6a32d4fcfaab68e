import { catalogSnapshot } from "./catalog-cache.server";
import { overviewOf, type PeriodOverview } from "./catalog-rows";
import type { PeriodView } from "./period.server";

export type { PeriodOverview } from "./catalog-rows";

/** A period at a glance: organizations per rating, members, and members per quality category, from the catalog in memory. */
export async function periodOverview({ period }: { period: PeriodView }): Promise<PeriodOverview> {
  const snapshot = await catalogSnapshot();
  return overviewOf(period, snapshot.rowsByPeriod.get(period.code) ?? []);
}
