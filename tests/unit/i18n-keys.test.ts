import { describe, expect, it } from "vitest";
import { NAMESPACES, resources } from "../../locales";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  it("lists every namespace file in NAMESPACES", () => {
    expect(Object.keys(resources.vi).sort()).toEqual([...NAMESPACES].sort());
    expect(Object.keys(resources.en).sort()).toEqual([...NAMESPACES].sort());
  });

  it.each(NAMESPACES)("namespace %s has the same keys in Vietnamese and English", (ns) => {
    expect(keyPaths(resources.en[ns]).sort()).toEqual(keyPaths(resources.vi[ns]).sort());
  });

  it.each(NAMESPACES)("namespace %s has no empty strings", (ns) => {
    for (const lang of ["vi", "en"] as const) {
      const empty = keyPaths(resources[lang][ns]).filter((path) => {
        const leaf = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], resources[lang][ns]);
        return typeof leaf === "string" && leaf.trim() === "";
      });
      expect(empty, `${lang}/${ns}`).toEqual([]);
    }
  });
});
