import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { Field, fieldAria } from "~/components/field";
import { AdminSelect, RowAction } from "~/components/admin-ui";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { addWord, listWords, removeWord, RemoveWordSchema, submitForm, WORD_LANGS, WORD_LISTS, WordFormSchema } from "~/utils/admin.server";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  return { title: `${t("admin:words.title")} — ${t("common:app.name")}`, words: await listWords(), lists: WORD_LISTS, langs: WORD_LANGS };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const form = await request.formData();
  const intent = form.get("intent");
  const failure =
    intent === "remove"
      ? await submitForm(form, RemoveWordSchema, t, (input) => removeWord({ ...input, actor }))
      : await submitForm(form, WordFormSchema, t, (input) => addWord({ ...input, actor }));
  if (failure) return data(failure, { status: 400 });
  return { errors: {} as Record<string, string>, values: {} as Record<string, string>, done: intent === "remove" ? "removed" : "added" };
}

function AddWordForm({
  errors,
  values,
  lists,
  langs,
}: {
  errors: Record<string, string>;
  values: Record<string, string>;
  lists: readonly string[];
  langs: readonly string[];
}) {
  const { t } = useTranslation(["admin", "common"]);
  const select = (name: "list" | "lang", options: readonly string[], label: (option: string) => string) => (
    <AdminSelect
      name={name}
      label={t(`admin:words.fields.${name}`)}
      error={errors[name]}
      value={values[name]}
      options={options}
      optionLabel={label}
    />
  );
  return (
    <Form method="post" className="admin-form">
      <Field id="word" label={t("admin:words.fields.word")} error={errors.word} hint={t("admin:words.hint")}>
        <input
          id="word"
          name="word"
          type="text"
          required
          defaultValue={values.word ?? ""}
          {...fieldAria("word", { error: errors.word, hint: true })}
        />
      </Field>
      {select("list", lists, (list) => t(`admin:words.lists.${list}`))}
      {select("lang", langs, (lang) => t(`common:language.${lang}`))}
      <button type="submit" name="intent" value="add">
        {t("admin:words.add")}
      </button>
    </Form>
  );
}

export default function AdminWords() {
  const { words, lists, langs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const done = result && "done" in result ? result.done : null;
  return (
    <>
      <AdminNav />
      <h1>{t("admin:words.title")}</h1>
      <p className="lead">{t("admin:words.lead")}</p>
      {done ? (
        <p className="notice success" role="status">
          {t(`admin:words.done.${done}`)}
        </p>
      ) : null}
      <AddWordForm errors={done ? {} : (result?.errors ?? {})} values={done ? {} : (result?.values ?? {})} lists={lists} langs={langs} />
      {lists.map((list) => (
        <DataTable
          key={list}
          caption={t(`admin:words.lists.${list}`)}
          headers={[t("admin:words.fields.word"), t("admin:words.fields.lang"), t("admin:words.matches"), t("admin:periods.actions")]}
        >
          {words
            .filter((entry) => entry.list === list)
            .map((entry) => (
              <tr key={entry.searchKey}>
                <td lang={entry.lang}>{entry.word}</td>
                <td>{t(`common:language.${entry.lang}`)}</td>
                <td>{entry.searchKey}</td>
                <td>
                  <RowAction
                    fields={{ list, key: entry.searchKey }}
                    intent="remove"
                    label={t("admin:words.remove")}
                    ariaLabel={t("admin:words.removeOf", { word: entry.word })}
                  />
                </td>
              </tr>
            ))}
        </DataTable>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
