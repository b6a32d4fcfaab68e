import { describe, expect, it } from "vitest";
import { loader as editLoader } from "../../app/routes/admin.organizations.$code";
import { loader as listLoader } from "../../app/routes/admin.organizations._index";
import { action as newAction } from "../../app/routes/admin.organizations.new";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { MERGE_SETTLE_MS, mergeStep } from "../../models/catalog/merge-job.server";
import { Organization } from "../../models/catalog/organization.server";
import { createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";
import { createDuplicatePair, setupOrganizationAdmin } from "./organization-admin";

setupTestDatabase();
const { admin, edit } = setupOrganizationAdmin();

describe("/admin/organizations", () => {
  it("creates an organization with a unique, stable code and finds it without diacritics", async () => {
    const form = { code: "TN-100", name: "Đảng bộ xã Gia Tân", kind: "dang-bo-co-so", district: "Thống Nhất", members: "95" };
    expect(await callRoute(newAction, "/admin/organizations/new", { cookie: admin.cookie, form })).toMatchObject({
      status: 302,
      location: "/admin/organizations/TN-100?saved=1",
    });
    expect(await Organization.findOne({ code: "TN-100" }, { slug: 1, nameSearch: 1, _id: 0 }).lean()).toEqual({
      slug: "dang-bo-xa-gia-tan-tn-100",
      nameSearch: "dang bo xa gia tan",
    });
    const again = await callRoute(newAction, "/admin/organizations/new", { cookie: admin.cookie, form: { ...form, members: "-1" } });
    expect(again.data).toMatchObject({ errors: { members: "Số đảng viên phải là số nguyên không âm." } });
    const taken = await callRoute(newAction, "/admin/organizations/new", { cookie: admin.cookie, form });
    expect(taken.data).toMatchObject({ errors: { code: "Đã có tổ chức với mã TN-100." } });
    const list = await callRoute(listLoader, "/admin/organizations?q=gia tan", { cookie: admin.cookie });
    expect((list.data as { items: { code: string }[] }).items.map((item) => item.code)).toEqual(["TN-100"]);
  });

  it("edits an organization and its evaluations' copies follow; deactivates it", async () => {
    await createRatedOrganization({ code: "BH-1", name: "Chi bộ Ấp 1", period: "2011" });
    const result = await edit("BH-1", { code: "BH-1", name: "Chi bộ Ấp Một", kind: "chi-bo-co-so", district: "Long Khánh", members: "41" });
    expect(result.status).toBe(302);
    expect(await Evaluation.findOne({ orgCode: "BH-1" }, { orgName: 1, nameSearch: 1, district: 1, _id: 0 }).lean()).toEqual({
      orgName: "Chi bộ Ấp Một",
      nameSearch: "chi bo ap mot",
      district: "Long Khánh",
    });
    await edit("BH-1", { intent: "deactivate" });
    expect((await Organization.findOne({ code: "BH-1" }, { active: 1 }).lean())?.active).toBe(false);
    await edit("BH-1", { intent: "activate" });
    expect((await Organization.findOne({ code: "BH-1" }, { active: 1 }).lean())?.active).toBe(true);
  });

  it("merges a duplicate: its evaluations and feedback follow, it becomes inactive, and the merge is audited", async () => {
    const { target, duplicate } = await createDuplicatePair({ code: "XL-1", name: "Đảng bộ xã Xuân Hưng", district: "Xuân Lộc" });
    await createPendingFeedback({
      evaluationId: duplicate.evaluationId,
      organizationId: duplicate.organizationId,
      period: "2012",
      district: "Xuân Lộc",
    });

    const result = await edit("XL-1B", { intent: "merge", into: "XL-1" });
    expect(result.status).toBe(302);
    // The feedback follows in the background: here the worker's steps run to the end.
    const settled = new Date(Date.now() + MERGE_SETTLE_MS);
    while ((await mergeStep({ id: duplicate.organizationId, owner: "test", now: settled })) === "moving");
    const moved = await Evaluation.findById(duplicate.evaluationId, { organization: 1, orgCode: 1, orgName: 1, counters: 1 }).lean();
    expect(moved).toMatchObject({ orgCode: "XL-1", orgName: "Đảng bộ xã Xuân Hưng", counters: { pending: 1 } });
    expect(String(moved?.organization)).toBe(target.organizationId);
    expect(await Feedback.countDocuments({ organization: target.organizationId })).toBe(1);
    expect(await Organization.findOne({ code: "XL-1B" }, { active: 1, mergedInto: 1, _id: 0 }).lean()).toEqual({
      active: false,
      mergedInto: "XL-1",
    });
    expect(await AuditEvent.countDocuments({ action: "organization.merge", targetId: "XL-1B" })).toBe(1);
    const page = await callRoute(editLoader, "/admin/organizations/XL-1", { cookie: admin.cookie, params: { code: "XL-1" } });
    expect((page.data as { org: { periods: string[] } }).org.periods).toEqual(["2012", "2011"]);
  });

  it("refuses a merge that would give the target two evaluations in one period, or into itself", async () => {
    await createRatedOrganization({ code: "CM-1", name: "Chi bộ Ấp 2", period: "2011" });
    await createRatedOrganization({ code: "CM-1B", name: "Chi bộ Ấp 2 (trùng)", period: "2011" });
    const clash = await edit("CM-1B", { intent: "merge", into: "CM-1" });
    expect(clash.status).toBe(400);
    expect(clash.data).toMatchObject({
      errors: { into: "Tổ chức đích đã có đánh giá các đợt 2011; không gộp được vì sẽ có hai đánh giá cùng đợt." },
    });
    expect(await Evaluation.countDocuments({ orgCode: "CM-1B" })).toBe(1);
    const self = await edit("CM-1B", { intent: "merge", into: "CM-1B" });
    expect(self.data).toMatchObject({ errors: { into: "Không thể gộp một tổ chức vào chính nó." } });
  });
});
