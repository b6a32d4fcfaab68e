/** Every page and endpoint the bench measures, with the goal for each. */
import type { ServerData } from "./discover";
import { OPEN_DATA, ORGANIZATION_PAGE, PUBLIC_PAGE, QUEUE_PAGE, type Goal } from "./goals";
import { pick } from "./http";
import type { Target } from "./load";
import type { StaffRole } from "./staff";

export interface GoalTarget extends Target {
  goal?: Goal;
}

export const HOME: GoalTarget = { name: "/", path: "/", goal: PUBLIC_PAGE };

export function organizationPage(data: ServerData): GoalTarget {
  return {
    name: "/organizations/:random",
    path: () => `/organizations/${encodeURIComponent(pick(data.orgCodes))}`,
    goal: ORGANIZATION_PAGE,
  };
}

/** Public pages and open data. */
export function publicTargets(data: ServerData, trackingCodes: string[]): GoalTarget[] {
  const randomCode = () => encodeURIComponent(pick(data.orgCodes));
  const targets: GoalTarget[] = [
    HOME,
    { name: "/organizations", path: "/organizations", goal: PUBLIC_PAGE },
    { name: "/organizations?q=bien+hoa", path: "/organizations?q=bien+hoa", goal: PUBLIC_PAGE },
    organizationPage(data),
  ];
  if (trackingCodes.length > 0)
    targets.push({ name: "/feedback/:random", path: () => `/feedback/${encodeURIComponent(pick(trackingCodes))}`, goal: PUBLIC_PAGE });
  targets.push(
    { name: "/summary", path: "/summary", goal: OPEN_DATA },
    { name: "/api/v1/periods", path: "/api/v1/periods", goal: OPEN_DATA },
    { name: "/api/v1/organizations", path: "/api/v1/organizations", goal: OPEN_DATA },
    { name: "/api/v1/organizations/:random", path: () => `/api/v1/organizations/${randomCode()}`, goal: OPEN_DATA },
    { name: "/api/v1/summary?groupBy=district", path: "/api/v1/summary?groupBy=district", goal: OPEN_DATA },
    { name: "/api/v1/summary.csv", path: "/api/v1/summary.csv", goal: OPEN_DATA },
    { name: "/api/v1/reviews", path: "/api/v1/reviews", goal: OPEN_DATA },
  );
  return targets;
}

/** The organization page as its own account sees it (never cached: signed in), with the reply form. */
export function organizationAccountTarget(code: string, cookie: string): GoalTarget {
  return {
    name: "/organizations/:own (organization account)",
    path: `/organizations/${encodeURIComponent(code)}`,
    headers: { cookie },
    goal: ORGANIZATION_PAGE,
  };
}

/** Staff pages, signed in; measured last, so a slow one cannot hold up the intake flood. */
export function staffTargets(sessions: Record<StaffRole, string>, data?: ServerData): GoalTarget[] {
  const reviewCase = data?.reviewCase;
  return [
    { name: "/moderation (moderator)", path: "/moderation", headers: { cookie: sessions.moderator }, goal: QUEUE_PAGE },
    { name: "/moderation/stats (committee)", path: "/moderation/stats", headers: { cookie: sessions.committee } },
    { name: "/committee (committee)", path: "/committee", headers: { cookie: sessions.committee } },
    { name: "/committee/reviews (committee)", path: "/committee/reviews", headers: { cookie: sessions.committee } },
    { name: "/moderation/replies (moderator)", path: "/moderation/replies", headers: { cookie: sessions.moderator } },
    ...(reviewCase
      ? [
          {
            name: "/committee/reviews/:id (committee)",
            path: `/committee/reviews/${encodeURIComponent(reviewCase)}`,
            headers: { cookie: sessions.committee },
          },
        ]
      : []),
  ];
}
