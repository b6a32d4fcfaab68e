import type { OrganizationKind } from "../catalog/organization.server";
import type { DistrictPlaces, LocalityType } from "./places";
import type { Random } from "./random";

/** What sort of body an organization is; decides its size and how residents talk about it. */
export type OrgCategory = "locality" | "institution" | "office" | "school" | "hamlet" | "health" | "company" | "coop";

export interface NamedOrganization {
  name: string;
  kind: OrganizationKind;
  category: OrgCategory;
}

const DISTRICT_OFFICES_DANG_BO = ["Quân sự", "Công an", "Khối Chính quyền", "Khối Đảng - Đoàn thể", "Trung tâm Y tế"];
const DISTRICT_OFFICES_CHI_BO = [
  "Phòng Giáo dục và Đào tạo",
  "Chi cục Thuế",
  "Kho bạc Nhà nước",
  "Viện Kiểm sát nhân dân",
  "Tòa án nhân dân",
  "Chi cục Thi hành án dân sự",
  "Bảo hiểm xã hội",
  "Ngân hàng Chính sách xã hội",
  "Trung tâm Văn hóa - Thể thao",
  "Đài Truyền thanh",
  "Phòng Tài nguyên và Môi trường",
  "Trung tâm Giáo dục thường xuyên",
  "Phòng Lao động - Thương binh và Xã hội",
  "Hạt Kiểm lâm",
  "Trung tâm Bồi dưỡng chính trị",
];
const COMPANY_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"];
const INDUSTRIES = [
  "Cao su",
  "May mặc",
  "Chế biến gỗ",
  "Vật liệu xây dựng",
  "Chế biến nông sản",
  "Cơ khí",
  "Thực phẩm",
  "Vận tải",
  "Xây dựng",
  "Cấp nước",
  "Môi trường đô thị",
  "Giày da",
  "Bao bì",
  "Thức ăn chăn nuôi",
  "Điện tử",
  "Phân bón",
];
const HAMLET_NUMBERS = 8;

/** "Đảng bộ" heads a larger organization with its own branches; the kind follows from the name. */
function named(prefix: "Đảng bộ" | "Chi bộ", rest: string, category: OrgCategory): NamedOrganization {
  return { name: `${prefix} ${rest}`, kind: prefix === "Đảng bộ" ? "dang-bo-co-so" : "chi-bo-co-so", category };
}

function hamletUnit(type: LocalityType): string {
  return type === "xã" ? "ấp" : "khu phố";
}

/** Every name a district could give, by category, before any is drawn. */
function candidatePools(district: DistrictPlaces, random: Random): Map<OrgCategory, NamedOrganization[]> {
  const pools = new Map<OrgCategory, NamedOrganization[]>();
  const add = (org: NamedOrganization) => pools.set(org.category, [...(pools.get(org.category) ?? []), org]);
  for (const office of DISTRICT_OFFICES_DANG_BO) add(named("Đảng bộ", `${office} ${district.label}`, "office"));
  for (const office of DISTRICT_OFFICES_CHI_BO) add(named("Chi bộ", `${office} ${district.label}`, "office"));
  for (const place of district.institutions) add(named(place.startsWith("Bệnh viện") ? "Đảng bộ" : "Chi bộ", place, "institution"));
  for (const [type, locality] of district.localities) {
    for (const school of ["Trường Mầm non", "Trường Tiểu học", "Trường THCS"]) add(named("Chi bộ", `${school} ${locality}`, "school"));
    add(named("Chi bộ", `Trạm Y tế ${type} ${locality}`, "health"));
    for (let n = 1; n <= HAMLET_NUMBERS; n++) add(named("Chi bộ", `${hamletUnit(type)} ${n}, ${type} ${locality}`, "hamlet"));
    if (type === "xã") add(named("Chi bộ", `Hợp tác xã Nông nghiệp ${locality}`, "coop"));
    for (const industry of random.shuffle(INDUSTRIES).slice(0, 3)) {
      add(named(random.chance(0.15) ? "Đảng bộ" : "Chi bộ", `${random.pick(COMPANY_FORMS)} ${industry} ${locality}`, "company"));
    }
  }
  for (const [category, pool] of pools) pools.set(category, random.shuffle(pool));
  return pools;
}

const CATEGORY_WEIGHTS: [OrgCategory, number][] = [
  ["school", 30],
  ["hamlet", 24],
  ["company", 20],
  ["office", 10],
  ["institution", 6],
  ["health", 6],
  ["coop", 4],
];

/**
 * The district's organizations: the party committee of every ward, commune and town, then a
 * seeded mix of schools, hamlets, companies, offices and clinics up to the district's quota.
 * `used` spans all districts: a name that another district already has gets its district added.
 */
export function districtOrganizations(district: DistrictPlaces, random: Random, used: Set<string>): NamedOrganization[] {
  const chosen: NamedOrganization[] = district.localities.map(([type, locality]) => named("Đảng bộ", `${type} ${locality}`, "locality"));
  const pools = candidatePools(district, random);
  while (chosen.length < district.organizations) {
    const open = CATEGORY_WEIGHTS.filter(([category]) => (pools.get(category)?.length ?? 0) > 0);
    if (open.length === 0) throw new Error(`Not enough organization names for ${district.name}`);
    chosen.push(pools.get(random.weighted(open))!.shift()!);
  }
  return chosen.map((org) => {
    const name = used.has(org.name) ? `${org.name}, ${district.label}` : org.name;
    if (used.has(name)) throw new Error(`Duplicate organization name: ${name}`);
    used.add(name);
    return { ...org, name };
  });
}
