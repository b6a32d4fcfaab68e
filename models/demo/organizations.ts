import type { DISTRICTS, OrganizationKind } from "../catalog/organization.server";
import { scaleToTotal } from "./apportion";
import { districtOrganizations, type NamedOrganization, type OrgCategory } from "./names";
import { DISTRICT_PLACES } from "./places";
import type { Random } from "./random";

/** "hơn 51 nghìn đảng viên" at the end of 2011. */
export const TOTAL_MEMBERS_2011 = 51_126;

export interface DemoOrganization {
  code: string;
  name: string;
  kind: OrganizationKind;
  category: OrgCategory;
  district: (typeof DISTRICTS)[number];
  members: number;
}

/** A plausible size range before scaling: a ward's party committee has hundreds, a school's branch a dozen. */
function sizeRange(org: NamedOrganization): [number, number] {
  const big = org.kind === "dang-bo-co-so";
  switch (org.category) {
    case "locality":
      if (org.name.includes("phường")) return [150, 420];
      return org.name.includes("thị trấn") ? [200, 450] : [110, 330];
    case "office":
      return big ? [60, 180] : [6, 30];
    case "institution":
      return big ? [60, 200] : [12, 35];
    case "company":
      return big ? [35, 120] : [5, 28];
    case "hamlet":
      return [12, 45];
    case "school":
      return [5, 22];
    default:
      return [3, 12];
  }
}

/** The 920 organizations, with codes such as "BH-001" and member counts summing to TOTAL_MEMBERS_2011. */
export function buildOrganizations(random: Random): DemoOrganization[] {
  const used = new Set<string>();
  const drafts = DISTRICT_PLACES.flatMap((district) =>
    districtOrganizations(district, random, used).map((org, index) => ({
      ...org,
      code: `${district.prefix}-${String(index + 1).padStart(3, "0")}`,
      district: district.name,
      raw: random.int(...sizeRange(org)),
    })),
  );
  const members = scaleToTotal(
    drafts.map((d) => d.raw),
    TOTAL_MEMBERS_2011,
    3,
  );
  return drafts.map(({ raw: _raw, ...org }, i) => ({ ...org, members: members[i]! }));
}
