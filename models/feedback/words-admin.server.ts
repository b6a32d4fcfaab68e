import { z } from "zod";
import { recordAudit } from "../moderation/audit.server";
import { serialised } from "../db/connection.server";
import { searchKey } from "../lib/text";
import { cleanTextField } from "../lib/text-field";
import { DEFAULT_WORDS, forgetWords, WORD_LANGS, WORD_LISTS, WordList, type WordListName } from "./word-list.server";

const E = "admin:words.errors.";

export const WordFormSchema = z.object({
  word: cleanTextField({ max: 60, message: `${E}word` }),
  list: z.enum(WORD_LISTS, { message: `${E}list` }),
  lang: z.enum(WORD_LANGS, { message: `${E}lang` }),
});
export const RemoveWordSchema = z.object({
  list: z.enum(WORD_LISTS, { message: `${E}list` }),
  key: z.string().min(1, `${E}word`).max(120, `${E}word`),
});

export class WordAdminError extends Error {
  constructor(
    readonly code: "duplicate",
    readonly field: string,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

type Actor = { id: string; email: string };

/** True when every write error of a bulk insert is a duplicate key: the entries were there already. */
function onlyDuplicates(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { writeErrors } = error as Error & { writeErrors?: { code?: number }[] };
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every((writeError) => writeError.code === 11000);
  return "code" in error && error.code === 11000;
}

/**
 * Feedback intake uses the built-in lists while the collection is empty, so the first edit stores
 * them first: adding one word must not silently drop the others. Idempotent on every database: when
 * two first edits both find the collection empty, the second's copies hit the unique (list, searchKey)
 * index and are skipped, so both edits succeed. Serialised too, to save FerretDB the wasted inserts.
 */
async function materialiseDefaults(): Promise<void> {
  await serialised(WordList, "defaults", async () => {
    if ((await WordList.countDocuments({})) > 0) return;
    await WordList.insertMany(
      DEFAULT_WORDS.map((entry) => ({ ...entry })),
      { ordered: false },
    ).catch((error: unknown) => {
      if (!onlyDuplicates(error)) throw error;
    });
  });
}

/** Adds a word to a list; it matches new feedback at once, typed with or without diacritics. */
export async function addWord({
  word,
  list,
  lang,
  actor,
}: {
  word: string;
  list: WordListName;
  lang: "vi" | "en";
  actor: Actor;
}): Promise<void> {
  await materialiseDefaults();
  const key = searchKey(word);
  try {
    await WordList.create({ word, searchKey: key, list, lang });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === 11000) throw new WordAdminError("duplicate", "word", { value: word });
    throw error;
  }
  forgetWords();
  await recordAudit({ actor, action: "wordlist.add", targetType: "wordlist", targetId: `${list}:${key}`, after: { word, list, lang } });
}

/** Removes a word (by its search key) from a list. */
export async function removeWord({ list, key, actor }: { list: WordListName; key: string; actor: Actor }): Promise<void> {
  await materialiseDefaults();
  const removed = await WordList.findOneAndDelete({ list, searchKey: key });
  if (!removed) return;
  forgetWords();
  await recordAudit({
    actor,
    action: "wordlist.remove",
    targetType: "wordlist",
    targetId: `${list}:${key}`,
    before: { word: removed.word, list, lang: removed.lang },
  });
}
