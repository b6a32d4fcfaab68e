import type { ScaleEntry } from "../catalog/period.server";

/** The 2011 organization scale (Đồng Nai's ratings of its TCCSĐ), best first. */
export const ORGANIZATION_SCALE_2011: ScaleEntry[] = [
  { key: "tsvm-tieu-bieu", label: { vi: "Trong sạch vững mạnh tiêu biểu", en: "Clean and strong, exemplary" } },
  { key: "tsvm", label: { vi: "Trong sạch vững mạnh", en: "Clean and strong" } },
  { key: "hoan-thanh-tot", label: { vi: "Hoàn thành tốt nhiệm vụ", en: "Completed tasks well" } },
  { key: "hoan-thanh", label: { vi: "Hoàn thành nhiệm vụ", en: "Completed tasks" } },
  { key: "yeu-kem", label: { vi: "Yếu kém", en: "Weak" } },
];

/** The 2011 member scale; the top two together are "đủ tư cách, hoàn thành tốt nhiệm vụ trở lên". */
export const MEMBER_SCALE_2011: ScaleEntry[] = [
  { key: "xuat-sac", label: { vi: "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ", en: "Qualified, completed tasks excellently" } },
  { key: "tot", label: { vi: "Đủ tư cách, hoàn thành tốt nhiệm vụ", en: "Qualified, completed tasks well" } },
  { key: "hoan-thanh", label: { vi: "Đủ tư cách, hoàn thành nhiệm vụ", en: "Qualified, completed tasks" } },
  { key: "vi-pham", label: { vi: "Vi phạm tư cách hoặc không hoàn thành nhiệm vụ", en: "Violated standards or did not complete tasks" } },
];
