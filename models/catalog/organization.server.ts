import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";

const OrganizationSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** searchKey(name): lower case, no diacritics; what `q` is matched against. */
    nameSearch: { type: String, required: true },
    kind: { type: String, required: true },
    district: { type: String, required: true },
    members: { type: Number, required: true, min: 0 },
    active: { type: Boolean, required: true, default: true },
    /** Set when an admin merged this duplicate into another organization. */
    mergedInto: { type: String },
  },
  { timestamps: true },
);
// The admin list's sort: `code` alone is unique, but MongoDB needs `_id` in the key to sort without a blocking SORT.
OrganizationSchema.index({ code: 1, _id: 1 });

/** An organization as the data functions hand it out: a plain object with a string id. */
export interface StoredOrganization {
  id: string;
  code: string;
  slug: string;
  name: string;
  kind: string;
  district: string;
  members: number;
  mergedInto?: string | null;
}
export const Organization = defineModel("Organization", OrganizationSchema, "organizations");

/** The district names the demo uses and imports accept (Đồng Nai, 2011). */
export const DISTRICTS = [
  "Biên Hòa",
  "Long Khánh",
  "Tân Phú",
  "Định Quán",
  "Xuân Lộc",
  "Cẩm Mỹ",
  "Long Thành",
  "Nhơn Trạch",
  "Trảng Bom",
  "Thống Nhất",
  "Vĩnh Cửu",
] as const;

/** Kinds of grassroots party organization, keyed for filters and translations. */
export const ORGANIZATION_KINDS = ["dang-bo-co-so", "chi-bo-co-so"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
