import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";
import { contactKeys, openContact, sealContact } from "../../models/feedback/contact-cipher.server";

const OLD_KEY = Buffer.alloc(32, 1).toString("base64");
const NEW_KEY = Buffer.alloc(32, 2).toString("base64");
const OLDER_KEY = Buffer.alloc(32, 3).toString("base64");
const FEEDBACK_ID = "65f0a1b2c3d4e5f6a7b8c9d0";
const EMAIL = "co.lan.tb@example.vn";

/** The keys a server started with these variables uses. */
const keysOf = (variables: Record<string, string>) => contactKeys(parseEnv(variables));
const BEFORE = keysOf({ CONTACT_KEY: OLD_KEY });
const ROTATED = keysOf({ CONTACT_KEY: NEW_KEY, CONTACT_KEY_PREVIOUS: `${OLDER_KEY}, ${OLD_KEY}` });
const OLD_KEY_REMOVED = keysOf({ CONTACT_KEY: NEW_KEY });

describe("rotating CONTACT_KEY (the replaced key in CONTACT_KEY_PREVIOUS)", () => {
  const sealedBefore = sealContact({ feedbackId: FEEDBACK_ID, email: EMAIL, keys: BEFORE });

  it("still opens an address sealed under the old key, so its resident still gets the decision mail", () => {
    expect(openContact({ feedbackId: FEEDBACK_ID, sealed: sealedBefore, keys: ROTATED })).toBe(EMAIL);
  });

  it("does not open it once the old key is no longer listed, nor for another comment", () => {
    expect(openContact({ feedbackId: FEEDBACK_ID, sealed: sealedBefore, keys: OLD_KEY_REMOVED })).toBeNull();
    expect(openContact({ feedbackId: "65f0a1b2c3d4e5f6a7b8c9d1", sealed: sealedBefore, keys: ROTATED })).toBeNull();
  });

  it("seals new addresses under the new key only, so the old one can be dropped after the retention period", () => {
    const sealedAfter = sealContact({ feedbackId: FEEDBACK_ID, email: EMAIL, keys: ROTATED });
    expect(openContact({ feedbackId: FEEDBACK_ID, sealed: sealedAfter, keys: OLD_KEY_REMOVED })).toBe(EMAIL);
    expect(openContact({ feedbackId: FEEDBACK_ID, sealed: sealedAfter, keys: BEFORE })).toBeNull();
  });
});

describe("CONTACT_KEY_PREVIOUS in the environment", () => {
  it("takes one or more comma-separated keys, blank meaning unset", () => {
    expect(parseEnv({ CONTACT_KEY: NEW_KEY, CONTACT_KEY_PREVIOUS: `${OLD_KEY} , ${OLDER_KEY}` }).CONTACT_KEY_PREVIOUS).toEqual([
      OLD_KEY,
      OLDER_KEY,
    ]);
    expect(parseEnv({ CONTACT_KEY: NEW_KEY, CONTACT_KEY_PREVIOUS: "" }).CONTACT_KEY_PREVIOUS).toBeUndefined();
  });

  it.each([
    [
      "a key that is not 32 bytes",
      { CONTACT_KEY: NEW_KEY, CONTACT_KEY_PREVIOUS: `${OLD_KEY},c2hvcnQ=` },
      /CONTACT_KEY_PREVIOUS must be one or more comma-separated keys of 32 random bytes in base64/,
    ],
    ["only commas", { CONTACT_KEY: NEW_KEY, CONTACT_KEY_PREVIOUS: " , " }, /CONTACT_KEY_PREVIOUS must be one or more/],
    ["no CONTACT_KEY", { CONTACT_KEY_PREVIOUS: OLD_KEY }, /CONTACT_KEY_PREVIOUS is refused without CONTACT_KEY/],
    [
      "the current key listed again",
      { CONTACT_KEY: NEW_KEY, CONTACT_KEY_PREVIOUS: `${OLD_KEY},${NEW_KEY}` },
      /CONTACT_KEY_PREVIOUS repeats CONTACT_KEY/,
    ],
  ])("refuses %s, naming CONTACT_KEY_PREVIOUS and never a key", (_case, variables, expected) => {
    let message = "";
    try {
      parseEnv(variables);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(expected);
    for (const key of [OLD_KEY, NEW_KEY]) expect(message).not.toContain(key);
  });
});
