import { catalogChanged } from "../../models/catalog/catalog-cache.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Organization } from "../../models/catalog/organization.server";
import { organizationCopy } from "../../models/demo/plan";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";

/** Where the 30 test organizations are; six share each place, so a search finds exactly six. */
const PLACES = ["phường Tân Biên", "xã Hiệp Hòa", "Công ty Điện lực Biên Hòa", "trường Đại học Đồng Nai", "xã Xuân Đường"];
const DISTRICTS = ["Biên Hòa", "Long Khánh", "Xuân Lộc"];

export const CATALOG = { total: 30, ratings: { "tsvm-tieu-bieu": 10, tsvm: 15, "yeu-kem": 5 }, perPlace: 6, perDistrict: 10 };

function ratingOf(i: number): string {
  if (i <= 10) return "tsvm-tieu-bieu";
  return i <= 25 ? "tsvm" : "yeu-kem";
}

export function orgCode(i: number): string {
  return `ORG-${String(i).padStart(3, "0")}`;
}

/**
 * 30 organizations rated in 2011 (open), the first five also in 2010 (closed), and ORG-001 in a
 * draft 2013 that must stay private. ORG-001's 2011 evaluation has public counters.
 */
export async function createCatalog(): Promise<void> {
  await createPeriod({ code: "2011" });
  await createPeriod({ code: "2010", status: "closed" });
  // A later closed period: the open 2011 still comes first for visitors.
  await createPeriod({ code: "2012", status: "closed" });
  await createPeriod({ code: "2013", status: "draft" });
  for (let i = 1; i <= CATALOG.total; i++) {
    const name = `Chi bộ ${PLACES[i % PLACES.length]} số ${i}`;
    await createRatedOrganization({
      code: orgCode(i),
      name,
      period: "2011",
      rating: ratingOf(i),
      district: DISTRICTS[i % DISTRICTS.length],
      members: 10 * i,
    });
  }
  const earlier = await Organization.find(
    { code: { $in: [1, 2, 3, 4, 5].map(orgCode) } },
    { code: 1, name: 1, nameSearch: 1, kind: 1, district: 1, members: 1 },
  ).lean();
  for (const org of earlier) {
    for (const period of ["2010", ...(org.code === orgCode(1) ? ["2013"] : [])]) {
      await Evaluation.create({
        period,
        ...organizationCopy(org),
        rating: "hoan-thanh",
        members: org.members,
        memberCounts: [{ key: "hoan-thanh", count: org.members }],
      });
    }
  }
  await Evaluation.updateOne(
    { orgCode: orgCode(1), period: "2011" },
    { $set: { counters: { agree: 7, disagree: 2, neutral: 1, pending: 3 } } },
  );
  await catalogChanged();
}
