import { beforeAll, describe, expect, it } from "vitest";
import { action as editAction } from "../../app/routes/admin.periods.$code";
import { action as newAction } from "../../app/routes/admin.periods.new";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { commentWindow, getPeriod, listPeriods } from "../../models/catalog/period.server";
import { formatScale } from "../../models/catalog/periods-admin.server";
import { MEMBER_SCALE_2011, ORGANIZATION_SCALE_2011 } from "../../models/lib/scales";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const FOUR_LEVELS =
  "xuat-sac | Hoàn thành xuất sắc nhiệm vụ | Completed tasks excellently\ntot | Hoàn thành tốt nhiệm vụ | Completed tasks well\nhoan-thanh | Hoàn thành nhiệm vụ | Completed tasks\nkhong | Không hoàn thành nhiệm vụ | Did not complete tasks";
const form = (overrides: Record<string, string> = {}) => ({
  code: "2018",
  year: "2018",
  titleVi: "Kết quả đánh giá năm 2018",
  titleEn: "2018 ratings",
  ratingScale: FOUR_LEVELS,
  memberScale: "tot | Tốt | Good\nkem | Kém | Poor",
  commentsOpenAt: "2019-01-10T08:00",
  commentsCloseAt: "2019-04-10T17:00",
  status: "draft",
  ...overrides,
});
let admin: { cookie: string };

beforeAll(async () => {
  admin = await createStaff("admin");
});

describe("/admin/periods", () => {
  it("refuses anonymous visitors and other roles", async () => {
    expect((await callRoute(newAction, "/admin/periods/new", { form: form() })).status).toBe(302);
    const moderator = await createStaff("moderator");
    expect((await callRoute(newAction, "/admin/periods/new", { cookie: moderator.cookie, form: form() })).status).toBe(403);
  });

  it("creates a period with a four-level scale, read in Vietnam time, and audits it", async () => {
    const result = await callRoute(newAction, "/admin/periods/new", { cookie: admin.cookie, form: form() });
    expect(result).toMatchObject({ status: 302, location: "/admin/periods/2018?saved=1" });
    const period = await getPeriod({ code: "2018" });
    expect(period?.ratingScale.map((entry) => entry.key)).toEqual(["xuat-sac", "tot", "hoan-thanh", "khong"]);
    expect(period?.ratingScale[3]?.label).toEqual({ vi: "Không hoàn thành nhiệm vụ", en: "Did not complete tasks" });
    expect(period?.commentsOpenAt).toBe("2019-01-10T01:00:00.000Z");
    expect(await AuditEvent.countDocuments({ action: "period.create", targetId: "2018" })).toBe(1);
  });

  it("re-renders a bad form with translated messages and what was typed, and stores nothing", async () => {
    const typed = form({ code: "2019", ratingScale: "tsvm | Trong sạch vững mạnh", commentsCloseAt: "2019-01-01T00:00" });
    const result = await callRoute(newAction, "/admin/periods/new?lng=en", { cookie: admin.cookie, form: typed });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      errors: {
        ratingScale: "Each line needs exactly three parts: key | Vietnamese label | English label.",
        commentsCloseAt: "Comments must close after they open.",
      },
      values: { ratingScale: "tsvm | Trong sạch vững mạnh" },
    });
    expect(await getPeriod({ code: "2019" })).toBeNull();
    await createPeriod({ code: "2020", status: "draft" });
    const taken = await callRoute(newAction, "/admin/periods/new", { cookie: admin.cookie, form: form({ code: "2020", year: "2020" }) });
    expect(taken.data).toMatchObject({ errors: { code: "Đã có đợt đánh giá với mã này." } });
  });

  it("refuses to drop a scale key that evaluations use, and allows dropping an unused one", async () => {
    await createPeriod({ code: "2011" });
    await createRatedOrganization({ code: "BH-1", name: "Chi bộ Ấp 1", period: "2011", rating: "yeu-kem" });
    const base = {
      code: "2011",
      year: "2011",
      titleVi: "Năm 2011",
      titleEn: "2011",
      commentsOpenAt: "2012-01-01T00:00",
      commentsCloseAt: "2030-01-01T00:00",
      status: "open",
    };
    const withoutWeak = formatScale(ORGANIZATION_SCALE_2011.filter((entry) => entry.key !== "yeu-kem"));
    const refused = await callRoute(editAction, "/admin/periods/2011", {
      cookie: admin.cookie,
      params: { code: "2011" },
      form: { ...base, ratingScale: withoutWeak, memberScale: formatScale(MEMBER_SCALE_2011) },
    });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ errors: { ratingScale: "Không thể bỏ mức đang được dùng (số đánh giá dùng): yeu-kem (1)." } });
    expect((await getPeriod({ code: "2011" }))?.ratingScale).toHaveLength(5);

    const withoutViolations = formatScale(MEMBER_SCALE_2011.filter((entry) => entry.key !== "vi-pham"));
    const saved = await callRoute(editAction, "/admin/periods/2011", {
      cookie: admin.cookie,
      params: { code: "2011" },
      form: { ...base, ratingScale: formatScale(ORGANIZATION_SCALE_2011), memberScale: withoutViolations },
    });
    expect(saved.status).toBe(302);
    expect((await getPeriod({ code: "2011" }))?.memberScale.map((entry) => entry.key)).toEqual(["xuat-sac", "tot", "hoan-thanh"]);
  });

  it("opens and closes the comment window at once, publishing a draft", async () => {
    const DAY = 86_400_000;
    await createPeriod({
      code: "2021",
      status: "draft",
      commentsOpenAt: new Date(Date.now() + 30 * DAY),
      commentsCloseAt: new Date(Date.now() + 60 * DAY),
    });
    expect((await listPeriods()).map((p) => p.code)).not.toContain("2021");
    await callRoute(editAction, "/admin/periods/2021", { cookie: admin.cookie, params: { code: "2021" }, form: { intent: "open-window" } });
    const opened = await getPeriod({ code: "2021" });
    expect(commentWindow(opened!)).toBe("open");
    expect((await listPeriods()).map((p) => p.code)).toContain("2021");
    await callRoute(editAction, "/admin/periods/2021", {
      cookie: admin.cookie,
      params: { code: "2021" },
      form: { intent: "close-window" },
    });
    expect(commentWindow((await getPeriod({ code: "2021" }))!)).toBe("closed");
    expect(await AuditEvent.countDocuments({ targetId: "2021", action: { $in: ["period.open-comments", "period.close-comments"] } })).toBe(
      2,
    );
  });
});
