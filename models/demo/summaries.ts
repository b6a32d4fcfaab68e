import type { Random } from "./random";

const REMARKS: Record<string, string[]> = {
  "tsvm-tieu-bieu": [
    "Được công nhận trong sạch vững mạnh tiêu biểu, dẫn đầu phong trào thi đua của địa phương.",
    "Lãnh đạo hoàn thành vượt mức các chỉ tiêu nghị quyết đề ra; trong sạch vững mạnh tiêu biểu.",
  ],
  tsvm: [
    "Đạt trong sạch vững mạnh; sinh hoạt định kỳ đều đặn, nền nếp.",
    "Đạt trong sạch vững mạnh; lãnh đạo thực hiện tốt nhiệm vụ chính trị của đơn vị.",
  ],
  "hoan-thanh-tot": [
    "Hoàn thành tốt nhiệm vụ; cần nâng cao chất lượng sinh hoạt và công tác phát triển đảng viên.",
    "Hoàn thành tốt nhiệm vụ; một số mặt công tác kiểm tra, giám sát còn hạn chế.",
  ],
  "hoan-thanh": [
    "Hoàn thành nhiệm vụ; một số chỉ tiêu nghị quyết chưa đạt.",
    "Hoàn thành nhiệm vụ; vai trò lãnh đạo trong phong trào ở cơ sở chưa rõ nét.",
  ],
  "yeu-kem": [
    "Xếp loại yếu kém; cấp ủy cấp trên đã chỉ đạo củng cố, kiện toàn tổ chức.",
    "Xếp loại yếu kém do nội bộ mất đoàn kết; đang được tập trung củng cố.",
  ],
};

function percent(part: number, whole: number): string {
  return whole === 0 ? "0" : ((part / whole) * 100).toFixed(1).replace(".", ",");
}

/** The short public line shown with a rating, e.g. "Năm 2011 có 34 đảng viên, 31 (91,2%) ...". */
export function evaluationSummary(input: { year: number; rating: string; members: number; topTwo: number }, random: Random): string {
  const { year, rating, members, topTwo } = input;
  const figures = `Năm ${year} có ${members} đảng viên, ${topTwo} (${percent(topTwo, members)}%) đủ tư cách, hoàn thành tốt nhiệm vụ trở lên.`;
  return `${figures} ${random.pick(REMARKS[rating] ?? [""])}`.trim();
}
