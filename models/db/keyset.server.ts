import type { Types } from "mongoose";

/** Where the previous page ended: its last item's sort key and `_id`. */
export interface KeysetPosition<K> {
  field: string;
  key: K;
  id: Types.ObjectId | string;
  /** The list's sort direction on (field, _id). */
  order: "asc" | "desc";
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date) && Object.keys(value).every((key) => key.startsWith("$"));
}

/**
 * `filter` narrowed to the items after `position`: `{field: {$gte|$lte: key}, $or: [{field: {$gt|$lt: key}},
 * {field: key, _id: {$gt|$lt: id}}]}`. The top-level range lets MongoDB start the index scan at the page's
 * first key instead of examining every earlier one; the `$or` breaks ties on `_id`, so results are unchanged.
 */
export function afterPosition<K>(filter: Record<string, unknown>, position: KeysetPosition<K>): Record<string, unknown> {
  const { field, key, id, order } = position;
  const [bound, beyond] = order === "asc" ? (["$gte", "$gt"] as const) : (["$lte", "$lt"] as const);
  const ties = { $or: [{ [field]: { [beyond]: key } }, { [field]: key, _id: { [beyond]: id } }] };
  const current = filter[field];
  const merged: Record<string, unknown> = { ...filter };
  if (current === undefined) merged[field] = { [bound]: key };
  else if (isOperatorObject(current) && !(bound in current)) merged[field] = { ...current, [bound]: key };
  else return { $and: [filter, { [field]: { [bound]: key } }, ties] };
  if ("$or" in merged) return { $and: [merged, ties] };
  return { ...merged, ...ties };
}
