import type { DISTRICTS } from "../catalog/organization.server";

/** "phường" and "thị trấn" divide into khu phố, "xã" into ấp. */
export type LocalityType = "phường" | "xã" | "thị trấn";

export interface DistrictPlaces {
  name: (typeof DISTRICTS)[number];
  /** Prefix of the stable organization codes, e.g. "BH" → BH-001. */
  prefix: string;
  /** How the district is written inside a name: "thành phố Biên Hòa", "huyện Tân Phú". */
  label: string;
  /** How many demo organizations it gets (920 in all). */
  organizations: number;
  localities: [LocalityType, string][];
  /** Upper-secondary schools and hospitals, which are named for people or the area, not a commune. */
  institutions: string[];
}

const wards = (names: string[]): [LocalityType, string][] => names.map((n) => ["phường", n]);
const communes = (names: string[]): [LocalityType, string][] => names.map((n) => ["xã", n]);

/** Đồng Nai's districts and their wards, communes and towns as they were in 2011. */
export const DISTRICT_PLACES: DistrictPlaces[] = [
  {
    name: "Biên Hòa", prefix: "BH", label: "thành phố Biên Hòa", organizations: 210,
    localities: [
      ...wards(["An Bình", "Bình Đa", "Bửu Hòa", "Bửu Long", "Hòa Bình", "Hố Nai", "Long Bình", "Long Bình Tân", "Quang Vinh", "Quyết Thắng", "Tam Hiệp", "Tam Hòa", "Tân Biên", "Tân Hiệp", "Tân Hòa", "Tân Mai", "Tân Phong", "Tân Tiến", "Tân Vạn", "Thanh Bình", "Thống Nhất", "Trảng Dài", "Trung Dũng"]),
      ...communes(["Hiệp Hòa", "Hóa An", "Tân Hạnh"]),
    ],
    institutions: ["Trường THPT Ngô Quyền", "Trường THPT Nam Hà", "Trường THPT Trấn Biên", "Trường THPT Nguyễn Trãi", "Trường THPT Chuyên Lương Thế Vinh", "Bệnh viện Đa khoa Đồng Nai", "Bệnh viện Nhi đồng Đồng Nai", "Bệnh viện Đa khoa Thống Nhất"],
  },
  {
    name: "Long Khánh", prefix: "LK", label: "thị xã Long Khánh", organizations: 70,
    localities: [
      ...wards(["Xuân An", "Xuân Bình", "Xuân Hòa", "Xuân Trung", "Xuân Thanh", "Phú Bình"]),
      ...communes(["Bảo Vinh", "Bảo Quang", "Bàu Trâm", "Bàu Sen", "Bình Lộc", "Hàng Gòn", "Suối Tre", "Xuân Lập", "Xuân Tân"]),
    ],
    institutions: ["Trường THPT Long Khánh", "Trường THPT Trần Phú", "Trường THPT Nguyễn Huệ", "Bệnh viện Đa khoa khu vực Long Khánh"],
  },
  {
    name: "Tân Phú", prefix: "TP", label: "huyện Tân Phú", organizations: 72,
    localities: [
      ["thị trấn", "Tân Phú"],
      ...communes(["Đắk Lua", "Nam Cát Tiên", "Núi Tượng", "Phú An", "Phú Điền", "Phú Lâm", "Phú Lập", "Phú Lộc", "Phú Sơn", "Phú Thanh", "Phú Thịnh", "Phú Trung", "Phú Xuân", "Tà Lài", "Thanh Sơn", "Trà Cổ"]),
    ],
    institutions: ["Trường THPT Tân Phú", "Trường THPT Thanh Bình", "Trường THPT Đoàn Kết"],
  },
  {
    name: "Định Quán", prefix: "DQ", label: "huyện Định Quán", organizations: 70,
    localities: [
      ["thị trấn", "Định Quán"],
      ...communes(["Gia Canh", "La Ngà", "Ngọc Định", "Phú Cường", "Phú Hòa", "Phú Lợi", "Phú Ngọc", "Phú Tân", "Phú Túc", "Phú Vinh", "Suối Nho", "Túc Trưng"]),
    ],
    institutions: ["Trường THPT Định Quán", "Trường THPT Phú Ngọc", "Trường THPT Điểu Cải", "Trường THPT Tôn Đức Thắng", "Bệnh viện Đa khoa khu vực Định Quán"],
  },
  {
    name: "Xuân Lộc", prefix: "XL", label: "huyện Xuân Lộc", organizations: 78,
    localities: [
      ["thị trấn", "Gia Ray"],
      ...communes(["Bảo Hòa", "Lang Minh", "Suối Cao", "Suối Cát", "Xuân Bắc", "Xuân Định", "Xuân Hiệp", "Xuân Hưng", "Xuân Phú", "Xuân Tâm", "Xuân Thành", "Xuân Thọ", "Xuân Trường"]),
    ],
    institutions: ["Trường THPT Xuân Lộc", "Trường THPT Xuân Hưng", "Trường THPT Xuân Thọ", "Trường THPT Nguyễn Hữu Cảnh"],
  },
  {
    name: "Cẩm Mỹ", prefix: "CM", label: "huyện Cẩm Mỹ", organizations: 62,
    localities: communes(["Bảo Bình", "Lâm San", "Long Giao", "Nhân Nghĩa", "Sông Nhạn", "Sông Ray", "Thừa Đức", "Xuân Bảo", "Xuân Đông", "Xuân Đường", "Xuân Mỹ", "Xuân Quế", "Xuân Tây"]),
    institutions: ["Trường THPT Cẩm Mỹ", "Trường THPT Võ Trường Toản", "Trường THPT Sông Ray"],
  },
  {
    name: "Long Thành", prefix: "LT", label: "huyện Long Thành", organizations: 86,
    localities: [
      ["thị trấn", "Long Thành"],
      ...communes(["An Phước", "Bàu Cạn", "Bình An", "Bình Sơn", "Cẩm Đường", "Lộc An", "Long An", "Long Đức", "Long Phước", "Phước Bình", "Phước Thái", "Suối Trầu", "Tam An", "Tân Hiệp"]),
    ],
    institutions: ["Trường THPT Long Thành", "Trường THPT Long Phước", "Trường THPT Bình Sơn", "Bệnh viện Đa khoa khu vực Long Thành"],
  },
  {
    name: "Nhơn Trạch", prefix: "NT", label: "huyện Nhơn Trạch", organizations: 74,
    localities: communes(["Đại Phước", "Hiệp Phước", "Long Tân", "Long Thọ", "Phú Đông", "Phú Hội", "Phú Hữu", "Phú Thạnh", "Phước An", "Phước Khánh", "Phước Thiền", "Vĩnh Thanh"]),
    institutions: ["Trường THPT Nhơn Trạch", "Trường THPT Phước Thiền", "Trường THPT Nguyễn Bỉnh Khiêm"],
  },
  {
    name: "Trảng Bom", prefix: "TB", label: "huyện Trảng Bom", organizations: 90,
    localities: [
      ["thị trấn", "Trảng Bom"],
      ...communes(["An Viễn", "Bàu Hàm", "Bắc Sơn", "Bình Minh", "Cây Gáo", "Đồi 61", "Đông Hòa", "Giang Điền", "Hố Nai 3", "Hưng Thịnh", "Quảng Tiến", "Sông Thao", "Sông Trầu", "Tây Hòa", "Thanh Bình", "Trung Hòa"]),
    ],
    institutions: ["Trường THPT Trảng Bom", "Trường THPT Thống Nhất A", "Trường THPT Ngô Sĩ Liên"],
  },
  {
    name: "Thống Nhất", prefix: "TN", label: "huyện Thống Nhất", organizations: 58,
    localities: communes(["Bàu Hàm 2", "Gia Kiệm", "Gia Tân 1", "Gia Tân 2", "Gia Tân 3", "Hưng Lộc", "Lộ 25", "Quang Trung", "Xuân Thạnh", "Xuân Thiện"]),
    institutions: ["Trường THPT Kiệm Tân", "Trường THPT Dầu Giây"],
  },
  {
    name: "Vĩnh Cửu", prefix: "VC", label: "huyện Vĩnh Cửu", organizations: 50,
    localities: [
      ["thị trấn", "Vĩnh An"],
      ...communes(["Bình Hòa", "Bình Lợi", "Hiếu Liêm", "Mã Đà", "Phú Lý", "Tân An", "Tân Bình", "Thạnh Phú", "Thiện Tân", "Trị An", "Vĩnh Tân"]),
    ],
    institutions: ["Trường THPT Vĩnh Cửu", "Trường THPT Trị An"],
  },
];
