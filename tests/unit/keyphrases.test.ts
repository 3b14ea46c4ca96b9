import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../lib/analysis/clean";
import { extractKeyphrases, rejectKeyphrase, singularize } from "../../lib/analysis/keyphrases";
import { readDoc } from "../../lib/analysis/nlp";

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seedText = (prefix: string) => {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith(prefix)) : undefined;
  return file ? cleanText(readFileSync(path.join(seedsDir, file), "utf8")).text : "";
};
const phrases = (text: string, limit?: number) => extractKeyphrases(readDoc(text), { limit });
const keys = (text: string) => phrases(text).map((k) => k.key);

describe("singularize", () => {
  it.each([
    // with the model's lemma
    ["scenes", "scene", "scene"],
    ["movies", "movie", "movie"],
    ["stories", "story", "story"],
    ["wolves", "wolf", "wolf"],
    // invariant plurals the model gets wrong
    ["species", "specie", "species"],
    ["series", "series", "series"],
    // the rule set, for words the model leaves alone
    ["spinoffs", "spinoffs", "spinoff"],
    ["zombies", undefined, "zombie"],
    ["parodies", undefined, "parody"],
    ["crashes", undefined, "crash"],
    ["stunts", undefined, "stunt"],
    ["bonus", undefined, "bonus"],
    ["class", undefined, "class"],
    ["action", "action", "action"],
  ])("%s (lemma %s) → %s", (word, lemma, expected) => {
    expect(singularize(word, lemma)).toBe(expected);
  });
});

describe("rejectKeyphrase", () => {
  it.each([
    ["first time", "stop phrase"],
    ["new detail", "stop phrase"],
    ["lot", "stop phrase"],
    ["release date", "stop phrase"],
    ["2025", "number"],
    ["3.5", "number"],
    ["june 6", "date"],
    ["6 june 2025", "date"],
    ["friday", "date"],
    ["reply button", "boilerplate"],
    ["email address", "boilerplate"],
    ["source link", "boilerplate"],
    ["related posts", "boilerplate"],
    ["required field", "boilerplate"],
    ["weekly newsletter", "boilerplate"],
    ["cookie policy", "boilerplate"],
    ["x", "one character"],
    ["a b c d e f", "longer than 5 words"],
  ])("%j: %s", (key, reason) => {
    expect(rejectKeyphrase(key)).toBe(reason);
  });

  it.each(["ana de armas", "june squibb", "fight scene", "john wick franchise"])("keeps %j", (key) => {
    expect(rejectKeyphrase(key)).toBeNull();
  });
});

describe("extractKeyphrases", () => {
  it("merges case, plural and possessive variants under one key and counts them", () => {
    const result = phrases("Fight scenes are great. The fight scene is better. Most fight scenes rock.");
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ key: "fight scene", count: 3 });
  });

  it("shows the most frequent surface form", () => {
    const result = phrases("The fight scene opens it. Then the fight scenes follow. The fight scenes close it.");
    expect(result[0]).toMatchObject({ key: "fight scene", text: "fight scenes", count: 3 });
  });

  it("removes a possessive from the key and the surface form and straightens quotes", () => {
    const result = phrases("Keanu Reeves’ return is a gift. Keanu Reeves's fans agree.");
    expect(result[0]).toMatchObject({ key: "keanu reeves", text: "Keanu Reeves", count: 2 });
  });

  it("trims leading stop words, and drops a span left with one word", () => {
    expect(phrases("More fight scenes close it.")).toMatchObject([{ key: "fight scene", text: "fight scenes" }]);
    expect(keys("I saw many other things there.")).toEqual([]);
  });

  it("drops stop phrases and boilerplate phrases found in text", () => {
    const found = keys("New details emerged for the first time. Leave a comment in the comment box and read the cookie policy.");
    expect(found).not.toContain("new detail");
    expect(found).not.toContain("first time");
    expect(found).not.toContain("cookie policy");
    expect(found).toContain("comment box");
  });

  it("does not cut a phrase out of a hyphenated compound", () => {
    expect(keys("Most typical spin-off films fail.")).not.toContain("typical spin");
  });

  it("splits names that ran together after a name the document uses on its own", () => {
    const result = phrases("Ana de Armas stars. The Ana de Armas John Wick spin-off is coming. Ana de Armas trained hard.");
    expect(result.map((k) => k.key)).toEqual(["ana de armas"]);
    expect(result[0].count).toBe(3);
  });

  it("ignores name runs in a Title Case heading that a capitalised preposition gives away", () => {
    expect(keys("Ana de Armas’ Ballerina Will Have Big Set Pieces Like John Wick")).not.toContain("pieces like john");
  });

  it("ranks by count, then length, then earlier position", () => {
    const text = "The stunt team worked hard. The stunt team rehearsed. Dark basements and snowy landscapes appear. The film has big set pieces.";
    const result = phrases(text);
    expect(result.map((k) => k.key)).toEqual(["stunt team", "big set piece", "dark basement", "snowy landscape"]);
    expect(result[0].score).toBeGreaterThan(result[1].score);
    expect(result[2].score).toBeGreaterThan(result[3].score);
  });

  it("returns 15 phrases by default and honours a limit", () => {
    const text = Array.from({ length: 20 }, (_, i) => `The ${["red", "blue", "green", "dark", "bright"][i % 5]} ${["car", "house", "tree", "river", "road"][Math.floor(i / 5)]} shines.`).join(" ");
    expect(phrases(text)).toHaveLength(15);
    expect(phrases(text, 4)).toHaveLength(4);
  });
});

describe("keyphrases of the real seeds", () => {
  it.skipIf(!existsSync(seedsDir))("contain no boilerplate", () => {
    for (const prefix of ["000_", "001_", "002_"]) {
      for (const k of phrases(seedText(prefix))) {
        expect(k.key).not.toMatch(/reply|email|source link|related posts/);
      }
    }
  });

  it.skipIf(!existsSync(seedsDir))("001 is about Ana de Armas and John Wick", () => {
    const result = phrases(seedText("001_"));
    expect(result.find((k) => k.key === "ana de armas")?.text).toBe("Ana de Armas");
    expect(result.some((k) => k.key === "john wick")).toBe(true);
    expect(result.some((k) => k.key.startsWith("ana de armas "))).toBe(false);
  });

  it.skipIf(!existsSync(seedsDir))("every seed keyphrase is short, unique by key and positively scored", () => {
    for (const prefix of ["000_", "001_", "002_"]) {
      const result = phrases(seedText(prefix));
      expect(result.length).toBeGreaterThan(5);
      expect(new Set(result.map((k) => k.key)).size).toBe(result.length);
      for (const k of result) {
        expect(k.key.split(" ").length).toBeLessThanOrEqual(5);
        expect(k.score).toBeGreaterThan(0);
        expect(k.count).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
