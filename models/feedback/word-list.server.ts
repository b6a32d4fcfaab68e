import { Schema, type InferSchemaType } from "mongoose";
import { isFerretDB } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { searchKey } from "../lib/text";

export const WORD_LISTS = ["banned", "suspect"] as const;
export type WordListName = (typeof WORD_LISTS)[number];
export const WORD_LANGS = ["vi", "en"] as const;

/** Words that flag a feedback item for moderators: `banned` (abuse) or `suspect` (needs a careful look). Never filters. */
const WordListSchema = new Schema(
  {
    word: { type: String, required: true, maxlength: 60 },
    /** searchKey(word): lets a word typed without diacritics match. */
    searchKey: { type: String, required: true },
    list: { type: String, enum: WORD_LISTS, required: true },
    lang: { type: String, enum: WORD_LANGS, required: true },
  },
  { timestamps: true },
);
WordListSchema.index({ list: 1, searchKey: 1 }, { unique: true });

export type WordListDoc = InferSchemaType<typeof WordListSchema>;
export const WordList = defineModel("WordList", WordListSchema, "wordlist");

/** A listed word as the flagger reads it: the stored fields without the timestamps. */
export type WordEntry = Pick<WordListDoc, "word" | "searchKey" | "list" | "lang">;

function entries(list: WordListName, lang: "vi" | "en", words: string[]): WordEntry[] {
  return words.map((word) => ({ word, searchKey: searchKey(word), list, lang }));
}

/** Built-in lists, used while the collection is empty (a fresh install, the tests). */
export const DEFAULT_WORDS: readonly WordEntry[] = [
  ...entries("banned", "vi", [
    "địt",
    "đụ",
    "đéo",
    "lồn",
    "cặc",
    "buồi",
    "đĩ",
    "đm",
    "đmm",
    "vcl",
    "vkl",
    "clgt",
    "óc chó",
    "chó đẻ",
    "mẹ mày",
    "con mẹ mày",
  ]),
  ...entries("banned", "en", ["fuck", "fucking", "fucker", "shit", "bitch", "asshole", "cunt", "motherfucker", "bastard"]),
  ...entries("suspect", "vi", [
    "ngu",
    "đồ ngu",
    "khốn nạn",
    "mất dạy",
    "súc vật",
    "bọn chúng",
    "phản động",
    "lừa đảo",
    "hối lộ",
    "ăn chặn",
  ]),
  ...entries("suspect", "en", ["idiot", "stupid", "moron", "scam", "bribe", "traitor"]),
];

async function readWords(): Promise<WordEntry[]> {
  const docs = await WordList.find({}, { word: 1, searchKey: 1, list: 1, lang: 1 })
    // (list, searchKey) is unique, so its unique index alone gives a total order without a blocking sort.
    .sort({ list: 1, searchKey: 1 })
    .limit(5000)
    .lean<(WordListDoc & { _id: unknown })[]>();
  if (docs.length === 0) return [...DEFAULT_WORDS];
  return docs.map((doc) => ({ word: doc.word, searchKey: doc.searchKey, list: doc.list, lang: doc.lang }));
}

interface WordCache {
  words: Promise<WordEntry[]> | null;
  at: number;
}
const cache: WordCache = { words: null, at: 0 };
/** Another instance sharing MongoDB may edit the lists; the embedded database has only this process. */
const SHARED_MAX_AGE_MS = 30_000;

/**
 * Every word on both lists; the built-in defaults while none are stored. Read once and kept in
 * process (every comment checks them), forgotten by the admin edits in words-admin.ts.
 */
export async function listWords(): Promise<WordEntry[]> {
  let words = cache.words;
  if (!words || (!isFerretDB() && Date.now() - cache.at >= SHARED_MAX_AGE_MS)) {
    const reading = readWords();
    reading.catch(() => {
      if (cache.words === reading) cache.words = null;
    });
    cache.words = words = reading;
    cache.at = Date.now();
  }
  return [...(await words)];
}

/** Drops the cached lists after an edit, so the next comment is checked against them. */
export function forgetWords(): void {
  cache.words = null;
}
