import { Form } from "@remix-run/react";

/** One button posting an intent about one row (hidden fields name the row); the aria-label says which row. */
export function RowAction({
  fields,
  intent,
  label,
  ariaLabel,
}: {
  fields: Record<string, string>;
  intent: string;
  label: string;
  ariaLabel: string;
}) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className="secondary" aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}
