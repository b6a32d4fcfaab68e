import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, login, ownClient } from "./support";

test.use(ownClient("admin"));

const ADMIN = { email: "quantri-nhap@congkhai.vn", password: "mật khẩu quản trị nhập 1" };
// An earlier year than the demo, so the demo period stays the one the public pages show first.
const PERIOD = "2010";

const SCALE = [
  "hoan-thanh-xuat-sac | Hoàn thành xuất sắc nhiệm vụ | Completed tasks excellently",
  "hoan-thanh-tot | Hoàn thành tốt nhiệm vụ | Completed tasks well",
  "hoan-thanh | Hoàn thành nhiệm vụ | Completed tasks",
  "khong-hoan-thanh | Không hoàn thành nhiệm vụ | Did not complete tasks",
].join("\n");
const MEMBER_SCALE = [
  "xuat-sac | Hoàn thành xuất sắc | Excellent",
  "tot | Hoàn thành tốt | Good",
  "khong-hoan-thanh | Không hoàn thành | Not completed",
].join("\n");
const CSV = [
  "code,name,kind,district,rating,members,summary,members:xuat-sac,members:tot,members:khong-hoan-thanh",
  'E2E-001,"Chi bộ Ấp Thử Nghiệm, xã An Hòa",chi-bo-co-so,Biên Hòa,hoan-thanh-tot,25,Đoàn kết tốt,5,19,1',
  "E2E-002,Đảng bộ xã Thử Nghiệm,dang-bo-co-so,Long Thành,hoan-thanh-xuat-sac,130,,30,95,5",
  "E2E-003,Chi bộ Khu phố Thử Nghiệm,chi-bo-co-so,Xuân Lộc,khong-hoan-thanh,18,,1,10,7",
].join("\n");

test("an admin creates a four-level period, imports its CSV through the page, opens comments, and a resident comments", async ({
  page,
  browser,
}) => {
  createUser(ADMIN, "admin");
  await page.goto("/login?redirectTo=/admin/periods/new");
  await login(page, ADMIN);

  // A period with a four-level organization scale, as a draft.
  await expect(page.getByRole("heading", { level: 1, name: "Tạo đợt đánh giá" })).toBeVisible();
  await page.getByLabel("Mã đợt").fill(PERIOD);
  await page.getByLabel("Năm đánh giá").fill(PERIOD);
  await page.getByLabel("Tiêu đề (tiếng Việt)").fill(`Kết quả đánh giá, xếp loại năm ${PERIOD}`);
  await page.getByLabel("Tiêu đề (tiếng Anh)").fill(`${PERIOD} quality ratings`);
  await page.getByLabel("Thang xếp loại tổ chức").fill("chỉ một dòng sai");
  await page.getByLabel("Thang xếp loại đảng viên").fill(MEMBER_SCALE);
  await page.getByRole("button", { name: "Tạo đợt" }).click();
  await expect(page.getByText("Mỗi dòng cần đúng ba phần: khóa | nhãn tiếng Việt | nhãn tiếng Anh.")).toBeVisible();
  await expect(page.getByLabel("Thang xếp loại đảng viên")).toHaveValue(MEMBER_SCALE);
  await expectAccessible(page);
  await page.getByLabel("Thang xếp loại tổ chức").fill(SCALE);
  await page.getByRole("button", { name: "Tạo đợt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Đợt đánh giá ${PERIOD}` })).toBeVisible();
  await expect(page.getByText("Chưa mở lấy ý kiến")).toBeVisible();

  // Import through the page: preview first (nothing written), then confirm.
  await page.goto(`/admin/import?period=${PERIOD}`);
  await page.getByLabel("Tệp CSV").setInputFiles({ name: `ket-qua-${PERIOD}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  await expect(page.getByRole("heading", { name: `Xem trước đợt ${PERIOD}: chưa ghi gì` })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Chi bộ Ấp Thử Nghiệm, xã An Hòa");
  await expectAccessible(page);
  expect((await page.request.get("/api/v1/organizations/E2E-001")).status()).toBe(404);
  await page.getByRole("button", { name: "Xác nhận nhập (3 dòng thay đổi)" }).click();
  await expect(page.getByText("Đã nhập xong.")).toBeVisible();

  // Open the comment window at once.
  await page.goto(`/admin/periods/${PERIOD}`);
  await page.getByRole("button", { name: "Mở lấy ý kiến ngay" }).click();
  await expect(page.getByText("Đang mở lấy ý kiến")).toBeVisible();

  // Every admin page passes axe.
  for (const path of [
    "/admin",
    "/admin/periods",
    "/admin/organizations?q=thu nghiem",
    "/admin/organizations/E2E-001",
    "/admin/users",
    "/admin/words",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }

  // A resident (no session) sees the imported rating and comments on it.
  const resident = await browser.newPage({ locale: "vi-VN" });
  await resident.goto("/organizations/E2E-001?lng=vi");
  await expect(resident.getByRole("heading", { level: 1 })).toContainText("Chi bộ Ấp Thử Nghiệm, xã An Hòa");
  await expect(resident.getByText("Hoàn thành tốt nhiệm vụ").first()).toBeVisible();
  const form = resident.getByRole("form", { name: `Góp ý về kết quả xếp loại năm ${PERIOD}` });
  await form.getByRole("radio", { name: "Đồng tình", exact: true }).check();
  await form.getByLabel("Nhận xét", { exact: true }).fill(`Chi bộ làm tốt công tác dân vận năm ${PERIOD}.`);
  await form.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(resident).toHaveURL(/\/feedback\/[2-9A-Z-]+\?new=1$/);
  await expect(resident.getByRole("status")).toContainText("Cảm ơn bạn đã góp ý!");
  await resident.close();
});
