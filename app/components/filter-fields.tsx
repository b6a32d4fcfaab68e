import { OptionList } from "./option-list";

/** The labelled fields of the GET filter forms (summary, committee, moderation): filters live in the URL. */

/** A labelled <select> for a GET filter form; `all` adds an empty "no filter" option first. */
export function SelectFilter({
  id,
  name,
  label,
  value,
  options,
  all,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  all?: string;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {all ? <option value="">{all}</option> : null}
        <OptionList options={options} />
      </select>
    </div>
  );
}

/** A labelled text or date input for a GET filter form. */
export function InputFilter({
  id,
  name,
  label,
  value,
  type = "text",
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  type?: "text" | "date";
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} defaultValue={value} />
    </div>
  );
}
