/** The few shapes the OpenAPI document (app/routes/api.v1.openapi[.]json.ts) is written in. */
type Schema = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const query = (name: string, description: string, schema: Schema = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

export const pathParam = (name: string, description?: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
  ...(description && { description }),
});

/** A required JSON request body described by components.schemas[input]. */
export const jsonBody = (input: string) => ({ required: true, content: { "application/json": { schema: ref(input) } } });

/** What a write on one resource takes: its id in the path and a JSON body. */
export const idAndBody = (idDescription: string, input: string) => ({
  parameters: [pathParam("id", idDescription)],
  requestBody: jsonBody(input),
});

/** The shared error response under each status code given. */
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: "#/components/responses/Error" }]));

export const json = (schema: Schema, description = "OK") => ({ description, content: { "application/json": { schema } } });

/** An object schema whose properties are all required except those named optional (in the order listed). */
export const object = (properties: Schema, { optional = [] }: { optional?: string[] } = {}) => ({
  type: "object",
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});
