import { Types } from "mongoose";

/**
 * ObjectIds whose time part is the seeding time and whose rest counts up per collection: the
 * data is the same on every run except for dates, and ids sort in generation order.
 */
export function idFactory(now: Date): (collection: number) => Types.ObjectId {
  const seconds = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, "0");
  const counters = new Map<number, number>();
  return (collection) => {
    const n = (counters.get(collection) ?? 0) + 1;
    counters.set(collection, n);
    return new Types.ObjectId(`${seconds}${collection.toString(16).padStart(2, "0")}${n.toString(16).padStart(14, "0")}`);
  };
}
