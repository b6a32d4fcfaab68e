import { Schema, type InferSchemaType } from "mongoose";
import { defineModel } from "../db/define-model.server";

const LabelSchema = new Schema({ vi: { type: String, required: true }, en: { type: String, required: true } }, { _id: false });
const ScaleEntrySchema = new Schema(
  { key: { type: String, required: true }, label: { type: LabelSchema, required: true } },
  { _id: false },
);

const PeriodSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    year: { type: Number, required: true },
    title: { type: LabelSchema, required: true },
    ratingScale: { type: [ScaleEntrySchema], required: true },
    memberScale: { type: [ScaleEntrySchema], required: true },
    commentsOpenAt: { type: Date, required: true },
    commentsCloseAt: { type: Date, required: true },
    status: { type: String, enum: ["draft", "open", "closed"], required: true, default: "draft" },
  },
  { timestamps: true },
);
PeriodSchema.index({ year: -1, _id: -1 });

export type PeriodDoc = InferSchemaType<typeof PeriodSchema>;
export const Period = defineModel("Period", PeriodSchema, "periods");

export interface Label {
  vi: string;
  en: string;
}
export interface ScaleEntry {
  key: string;
  label: Label;
}
export interface PeriodView {
  id: string;
  code: string;
  year: number;
  title: Label;
  status: "draft" | "open" | "closed";
  commentsOpenAt: string;
  commentsCloseAt: string;
  ratingScale: ScaleEntry[];
  memberScale: ScaleEntry[];
}

const projection = { code: 1, year: 1, title: 1, status: 1, commentsOpenAt: 1, commentsCloseAt: 1, ratingScale: 1, memberScale: 1 };

function toView(doc: PeriodDoc & { _id: unknown }): PeriodView {
  return {
    id: String(doc._id),
    code: doc.code,
    year: doc.year,
    title: { vi: doc.title.vi, en: doc.title.en },
    status: doc.status,
    commentsOpenAt: doc.commentsOpenAt.toISOString(),
    commentsCloseAt: doc.commentsCloseAt.toISOString(),
    ratingScale: doc.ratingScale.map((s) => ({ key: s.key, label: { vi: s.label.vi, en: s.label.en } })),
    memberScale: doc.memberScale.map((s) => ({ key: s.key, label: { vi: s.label.vi, en: s.label.en } })),
  };
}

/** Published periods (not drafts), newest first. A province has one per year, so no pagination. */
export async function listPeriods({ includeDrafts = false }: { includeDrafts?: boolean } = {}): Promise<PeriodView[]> {
  const filter = includeDrafts ? {} : { status: { $in: ["open", "closed"] as ("open" | "closed")[] } };
  const docs = await Period.find(filter, projection).sort({ year: -1, _id: -1 }).limit(200).lean<(PeriodDoc & { _id: unknown })[]>();
  return docs.map(toView);
}

export async function getPeriod({ code }: { code: string }): Promise<PeriodView | null> {
  const doc = await Period.findOne({ code }, projection).lean<PeriodDoc & { _id: unknown }>();
  return doc ? toView(doc) : null;
}

/** Whether residents may comment on this period at `now`. */
export function commentWindow(
  period: Pick<PeriodView, "status" | "commentsOpenAt" | "commentsCloseAt">,
  now = new Date(),
): "open" | "not-yet" | "closed" {
  if (period.status === "draft" || now < new Date(period.commentsOpenAt)) return "not-yet";
  if (period.status === "closed" || now >= new Date(period.commentsCloseAt)) return "closed";
  return "open";
}
