import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";
import { recordAudit } from "../moderation/audit.server";

const DEFAULT_REPORT_THRESHOLD = 3;
const MAX_REPORT_THRESHOLD = 100;

/** Admin settings for readers' reports, one document by `_id` ("reports"). */
const ReportSettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    threshold: { type: Number, required: true, min: 1, max: MAX_REPORT_THRESHOLD },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
const ReportSettings = defineModel("ReportSettings", ReportSettingsSchema, "reportsettings");

const ID = "reports";

/** How many reports (not yet reviewed) hide a published comment until a moderator looks: one read by `_id`. */
export async function reportThreshold(): Promise<number> {
  const doc = await ReportSettings.findById(ID, { threshold: 1 }).lean();
  return doc?.threshold ?? DEFAULT_REPORT_THRESHOLD;
}

/** An admin sets the threshold; audited with the old and new values. */
export async function setReportThreshold({
  threshold,
  admin,
  now = new Date(),
}: {
  threshold: number;
  admin: { id: string; email: string };
  now?: Date;
}): Promise<void> {
  const before = await reportThreshold();
  await ReportSettings.updateOne({ _id: ID }, { $set: { threshold, updatedAt: now } }, { upsert: true });
  await recordAudit({
    actor: admin,
    action: "settings.report-threshold",
    targetType: "settings",
    targetId: ID,
    before: { threshold: before },
    after: { threshold },
  });
}
