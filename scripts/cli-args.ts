/** What the command-line scripts share when they read their arguments: one translated line and exit 2 when they are wrong. */
import i18next from "i18next";
import { z } from "zod";
import { resources } from "../locales";
import { PERIOD_CODE } from "../models/lib/codes";

const EXIT_USAGE = 2;

// The terminal's language (LANG or LC_ALL, as ICU reads them): Vietnamese when it says so, English otherwise.
const language = Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase().startsWith("vi") ? "vi" : "en";
const i18n = i18next.createInstance();
void i18n.init({ lng: language, resources, defaultNS: "common", initImmediate: false, interpolation: { escapeValue: false } });

/** A message of the `common:cli` section in the terminal's language. */
export function cliText(key: string, params: Record<string, string | number> = {}): string {
  return i18n.t(`common:cli.${key}`, params);
}

/** `--period CODE`: the same code shape the admin pages accept. */
export function periodCodeArg() {
  return z.string({ required_error: cliText("periodRequired") }).regex(PERIOD_CODE, cliText("periodInvalid"));
}

/** A whole number given as text (`--count 500`), from `min` to `max`. */
export function wholeNumberArg(option: string, min: number, max: number) {
  const message = cliText("wholeNumber", { option, min, max });
  return z
    .string({ required_error: cliText("optionRequired", { option }) })
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

/** node:util parseArgs's refusals, which are English only, in the terminal's language. */
function parseArgsMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? "")?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return cliText("unknownOption", { option: quoted });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return cliText("missingValue", { option: quoted.replace(/ <value>$/, "") });
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return cliText("unexpectedArgument", { value: quoted });
  return cliText("badArguments", { detail: message ?? String(error) });
}

/** Prints one line saying what is wrong, then the usage, on stderr, and exits 2. */
export function exitUsage(usage: string, message: string): never {
  console.error(message);
  console.error(usage.replace(/^usage:/, `${cliText("usage")}:`));
  process.exit(EXIT_USAGE);
}

/**
 * The arguments `parse` reads (node:util parseArgs, then a zod schema); when parseArgs throws or the schema
 * rejects them, prints why and the usage line on stderr and exits 2 before anything touches the database.
 */
export function argumentsOrExit<T>(usage: string, parse: () => z.SafeParseReturnType<unknown, T>): T {
  let parsed;
  try {
    parsed = parse();
  } catch (error) {
    exitUsage(usage, parseArgsMessage(error));
  }
  if (!parsed.success) exitUsage(usage, parsed.error.issues.map((issue) => issue.message).join(" "));
  return parsed.data;
}
