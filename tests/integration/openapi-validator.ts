import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

export type Schema = Record<string, unknown>;
export type Method = "get" | "post" | "put" | "delete";
export interface OpenApiDocument {
  paths: Record<
    string,
    Partial<Record<Method, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, Schema> }>>
  >;
  components: { schemas: Record<string, Schema>; responses: Record<string, Schema> };
}

/**
 * The test's copy of a schema is closed: an object may have only the properties it lists (a bare
 * `{type: "object"}` none), so a field the server sends without documenting it fails here. The document
 * itself stays open to additions; a map says so with `additionalProperties`.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === "properties" ? Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, closed(sub)])) : closed(value),
    ]),
  );
  const isObject = "properties" in copy || copy.type === "object";
  if (isObject && !("additionalProperties" in copy) && !("$ref" in copy)) copy.unevaluatedProperties = false;
  return copy;
}

/** JSON Schema 2020-12 validation (what OpenAPI 3.1 uses) against one OpenAPI document, with its "#/components/…" references. */
export function openApiValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  // The document's sections beside the schema: ajv resolves "#/components/…" in them, never validates with them.
  ajv.addKeyword({ keyword: "components", schemaType: "object" });
  const components = closed(doc.components);
  const compiled = new Map<string, ValidateFunction>();
  return {
    /** The compiled (closed) validator of `schema`, kept under `key`. */
    validator(key: string, schema: Schema): ValidateFunction {
      let validate = compiled.get(key);
      if (!validate) compiled.set(key, (validate = ajv.compile({ ...(closed(schema) as Schema), components })));
      return validate;
    },
    /** The node a `$ref` points at (followed until it is not a reference). */
    deref(node: Schema): Schema {
      const ref = node.$ref;
      if (typeof ref !== "string") return node;
      const [, section, name] = ref.match(/^#\/components\/(\w+)\/(.+)$/) ?? [];
      return this.deref((doc.components as unknown as Record<string, Record<string, Schema>>)[section!]![name!]!);
    },
  };
}

/** Each error with where it is and its parameters (the name of an undocumented property, say). */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`).join("\n");
}
