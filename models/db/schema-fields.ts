/** Mongoose path definitions, each `{ type, required: true }`, for the fields of `types`. */
type RequiredPaths<T> = { [K in keyof T]: { type: T[K]; required: true } };

/**
 * The paths every document carries, from name to type, in the order given: `requiredPaths({ body: String })`
 * is `{ body: { type: String, required: true } }`. Spread it into a schema definition beside paths that
 * have more options (enum, default), which stay written out.
 */
export function requiredPaths<T extends Record<string, unknown>>(types: T): RequiredPaths<T> {
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { type, required: true }])) as RequiredPaths<T>;
}
