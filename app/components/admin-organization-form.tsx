import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, fieldAria } from "./field";
import { AdminSelect } from "./admin-ui";

export interface OrganizationFormValues {
  code: string;
  name: string;
  kind: string;
  district: string;
  members: string;
}

/** Create and edit form of an organization; the code is fixed once created. */
export function OrganizationForm({
  values,
  errors,
  editing,
  kinds,
  districts,
}: {
  values: OrganizationFormValues;
  errors: Record<string, string>;
  editing: boolean;
  kinds: readonly string[];
  districts: readonly string[];
}) {
  const { t } = useTranslation(["admin", "common"]);
  const input = (name: "code" | "name" | "members", type = "text") => (
    <Field id={name} label={t(`admin:organizations.fields.${name}`)} error={errors[name]}>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={values[name]}
        required
        min={type === "number" ? 0 : undefined}
        {...fieldAria(name, { error: errors[name] })}
      />
    </Field>
  );
  const select = (name: "kind" | "district", options: readonly string[], label: (option: string) => string) => (
    <AdminSelect
      name={name}
      label={t(`admin:organizations.fields.${name}`)}
      error={errors[name]}
      value={values[name]}
      options={options}
      optionLabel={label}
    />
  );
  return (
    <Form method="post" className="admin-form">
      {editing ? <input type="hidden" name="code" value={values.code} /> : input("code")}
      {input("name")}
      {select("kind", kinds, (kind) => t(`common:kinds.${kind}`))}
      {select("district", districts, (district) => district)}
      {input("members", "number")}
      <button type="submit" name="intent" value="save">
        {t(editing ? "admin:organizations.save" : "admin:organizations.create")}
      </button>
    </Form>
  );
}
