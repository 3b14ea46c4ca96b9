// Language detection, and what the analysis does with a document that is not English.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../lib/analysis/analyze";
import { countWordsAnyScript, detectLanguage, languageName } from "../../lib/analysis/language";

const SPANISH =
  "Glass Harbor es uno de esos thrillers de tormenta que confían en el silencio. La directora deja a una farera y a su hermano aislados en una roca frente a la costa durante una larga noche de invierno. Odette Marsh está magnífica como la farera, y el diseño de sonido es el verdadero protagonista de la película.";
const GERMAN =
  "Glass Harbor ist einer dieser Sturm-Thriller, die der Stille vertrauen. Die Regisseurin lässt eine Leuchtturmwärterin und ihren Bruder eine lange Winternacht auf einem Felsen vor der Küste allein. Odette Marsh ist großartig, und das Sounddesign ist der eigentliche Star des Films.";
const RUSSIAN =
  "Фильм рассказывает о смотрительнице маяка, которая проводит одну долгую зимнюю ночь на скале вместе с братом, с которым не разговаривала десять лет. Актриса играет превосходно, а звук в этом фильме становится главным героем истории, и финал остаётся в памяти надолго после сеанса.";

describe("detectLanguage", () => {
  it.each([
    [SPANISH, "es"],
    [GERMAN, "de"],
    [RUSSIAN, "ru"],
  ])("detects a paragraph's language", (text, code) => {
    expect(detectLanguage(text)).toEqual({ language: code, detected: true });
  });

  it("takes a short text as English rather than trust a guess on a few words", () => {
    expect(detectLanguage("The CGI looks cheap and unfinished.")).toEqual({ language: "en", detected: false });
  });

  it("finds English in every fixture document and every seed (no English text is left unscored)", () => {
    const texts = readFileSync(path.resolve("tests/fixtures/film-docs.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text as string);
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((t) => detectLanguage(t).language !== "en")).toEqual([]);
  });

  it("counts words in scripts without spaces and names languages", () => {
    expect(countWordsAnyScript("この映画は素晴らしかった")).toBeGreaterThan(2);
    expect(languageName("es")).toBe("Spanish (es)");
  });
});

describe("analyzeDocument on a non-English text", () => {
  it("keeps its sentences and language but gives no English score, and says why", () => {
    const doc = analyzeDocument({ rawText: SPANISH, metadataDate: "2026-02-16" });
    expect(doc.language).toBe("es");
    expect(doc.stance).toEqual({ score: 0, label: "neutral", confidence: 0, evaluativeShare: 0 });
    expect(doc.sentences.length).toBeGreaterThanOrEqual(3);
    expect(doc.sentences.every((s) => s.score === 0 && !s.evaluative && s.anticipation === 0)).toBe(true);
    expect(doc.keyphrases).toEqual([]);
    expect(doc.warnings).toContainEqual(expect.stringMatching(/^Written in Spanish \(es\): stored with its language but not scored/));
  });

  it("scores English as before", () => {
    const doc = analyzeDocument({ rawText: "Glass Harbor is a gripping, beautifully made thriller with a superb lead performance. The sound design is astonishing and the ending lands with real force. It is one of the best films of the year." });
    expect(doc.language).toBe("en");
    expect(doc.stance.label).toBe("positive");
  });
});
