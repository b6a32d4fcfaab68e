import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formControls, type FormReply } from "~/components/admin-form";
import { AdminPage } from "~/components/admin-page";
import { RowAction } from "~/components/row-action";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { addWord, listWords, removeWord, RemoveWordSchema, submitForm, WORD_LANGS, WORD_LISTS, WordFormSchema } from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  return { title: title(t("admin:words.title")), words: await listWords(), lists: WORD_LISTS, langs: WORD_LANGS };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, t } = await requireAdminPage(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const failure =
    intent === "remove"
      ? await submitForm(form, RemoveWordSchema, t, (input) => removeWord({ ...input, actor }))
      : await submitForm(form, WordFormSchema, t, (input) => addWord({ ...input, actor }));
  if (failure) return data(failure, { status: 400 });
  return { errors: {} as Record<string, string>, values: {} as Record<string, string>, done: intent === "remove" ? "removed" : "added" };
}

type Word = SerializeFrom<typeof loader>["words"][number];

function AddWordForm({ errors, values, lists, langs }: FormReply & { lists: readonly string[]; langs: readonly string[] }) {
  const { t } = useTranslation(["admin", "common"]);
  const field = formControls({ errors, values, label: (name) => t(`admin:words.fields.${name}`) });
  return (
    <Form method="post" className="admin-form">
      {field.input("word", { hint: t("admin:words.hint") })}
      {field.select("list", lists, (list) => t(`admin:words.lists.${list}`))}
      {field.select("lang", langs, (lang) => t(`common:language.${lang}`))}
      <button type="submit" name="intent" value="add">
        {t("admin:words.add")}
      </button>
    </Form>
  );
}

/** The words of one list, each with its remove button. */
function WordListTable({ list, words }: { list: string; words: Word[] }) {
  const { t } = useTranslation(["admin", "common"]);
  return (
    <DataTable
      caption={t(`admin:words.lists.${list}`)}
      headers={[t("admin:words.fields.word"), t("admin:words.fields.lang"), t("admin:words.matches"), t("admin:periods.actions")]}
    >
      {words.map((entry) => (
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
  );
}

export default function AdminWords() {
  const { words, lists, langs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const done = result && "done" in result ? result.done : null;
  return (
    <AdminPage title={t("admin:words.title")} lead={t("admin:words.lead")} notice={done ? t(`admin:words.done.${done}`) : null}>
      <AddWordForm errors={done ? {} : (result?.errors ?? {})} values={done ? {} : (result?.values ?? {})} lists={lists} langs={langs} />
      {lists.map((list) => (
        <WordListTable key={list} list={list} words={words.filter((entry) => entry.list === list)} />
      ))}
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
