import { SelectFilter } from "./filter-fields";

interface Choice {
  value: string;
  label: string;
}

interface SelectField {
  label: string;
  /** The empty first choice that switches the filter off; none where the filter always has a value. */
  all?: string;
  options: Choice[];
}

/** Choices whose value is also their label (districts, period codes). */
export function plainChoices(values: readonly string[]): Choice[] {
  return values.map((value) => ({ value, label: value }));
}

/**
 * The selects of a GET filter form, one per URL parameter in the order given: the field's name is the
 * parameter, its id `<idPrefix><name>`, its chosen option the URL's value.
 */
export function FilterSelects<Name extends string>({
  idPrefix,
  values,
  fields,
}: {
  idPrefix: string;
  values: Partial<Record<NoInfer<Name>, string>>;
  fields: Partial<Record<Name, SelectField>>;
}) {
  const entries = Object.entries(fields) as [Name, SelectField][];
  return (
    <>
      {entries.map(([name, field]) => (
        <SelectFilter key={name} id={`${idPrefix}${name}`} name={name} value={values[name] ?? ""} {...field} />
      ))}
    </>
  );
}
