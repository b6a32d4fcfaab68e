import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIR = path.join(ROOT, "docs/decisions");
const records = readdirSync(DIR).filter((file) => file.endsWith(".md"));

describe("decision records", () => {
  it("are numbered once each", () => {
    const numbers = records.map((file) => /^(\d{3})-[a-z0-9-]+\.md$/.exec(file)?.[1]);
    expect(numbers.filter((n) => n === undefined)).toEqual([]);
    expect(new Set(numbers).size).toBe(records.length);
  });

  it.each(records)("%s has a date and a status", (file) => {
    const text = readFileSync(path.join(DIR, file), "utf8");
    expect(text).toMatch(/^- Date: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toMatch(/^- Status: \S/m);
  });

  it.each(records)("%s cites only files that are in the repository", (file) => {
    const text = readFileSync(path.join(DIR, file), "utf8");
    expect(text).not.toMatch(/\/work\/|\.\.\/shared|\b(?:DESIGN|STYLE)\.md\b/);
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target));
    const paths = [...text.matchAll(/`((?:app|models|server|scripts|embedded-db|tests|docs|deploy|locales)\/[\w./$[\]-]+?)`/g)].map(
      (m) => m[1]!,
    );
    const missing = [...links.map((link) => path.resolve(DIR, link)), ...paths.map((p) => path.join(ROOT, p))].filter(
      (target) => !existsSync(target),
    );
    expect(missing.map((target) => path.relative(ROOT, target))).toEqual([]);
  });
});
