import type { Random } from "./random";

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh", "Đức", "Kim", "Quốc", "Thu"];
const GIVEN = [
  "Hùng",
  "Lan",
  "Dũng",
  "Hoa",
  "Tuấn",
  "Mai",
  "Sơn",
  "Hương",
  "Phúc",
  "Tâm",
  "Bình",
  "Hạnh",
  "Long",
  "Yến",
  "Nam",
  "Thảo",
  "Khoa",
  "Trang",
  "Lộc",
  "Nhung",
];
const INFORMAL = [
  "Chú Bảy",
  "Cô Hai",
  "Bác Tư",
  "Anh Ba",
  "Chị Út",
  "Một cựu chiến binh",
  "Phụ huynh học sinh",
  "Người dân trong ấp",
  "Công nhân khu công nghiệp",
  "Một đoàn viên",
];

/** A display name, or undefined for the many residents who leave it empty. */
export function displayName(random: Random): string | undefined {
  const roll = random.next();
  if (roll < 0.45) return undefined;
  if (roll < 0.85) return `${random.pick(SURNAMES)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
  return random.pick(INFORMAL);
}

/** The demo seeds no contacts (it sends no mail); this keeps the draw a seeded contact once took, so every later figure is as before. */
export function skipContactDraw(random: Random): void {
  random.chance(0.03);
}
