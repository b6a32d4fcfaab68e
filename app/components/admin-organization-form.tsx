import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formControls } from "./admin-form";

export type OrganizationFormValues = {
  code: string;
  name: string;
  kind: string;
  district: string;
  members: string;
};

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
  const field = formControls({ errors, values, label: (name) => t(`admin:organizations.fields.${name}`) });
  return (
    <Form method="post" className="admin-form">
      {editing ? <input type="hidden" name="code" value={values.code} /> : field.input("code")}
      {field.input("name")}
      {field.select("kind", kinds, (kind) => t(`common:kinds.${kind}`))}
      {field.select("district", districts, (district) => district)}
      {field.input("members", { type: "number", min: 0 })}
      <button type="submit" name="intent" value="save">
        {t(editing ? "admin:organizations.save" : "admin:organizations.create")}
      </button>
    </Form>
  );
}
