import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, it, expect } from "vitest";
import { trainFromFile } from "../../scripts/train-sentiment";
import { readDoc } from "../../lib/analysis/nlp";
import { sentenceLogit } from "../../lib/analysis/sentiment";
import { DatasetError, parseLabel, parseRecord, ratingFromId, cleanReviewText } from "../../lib/analysis/sentiment/dataset";
import { binaryFigures, pearson, type Prediction } from "../../lib/analysis/sentiment/evaluate";
import { DEFAULT_MODEL_PATH, MODEL_ENV, getModel, readModelFile } from "../../lib/analysis/sentiment/model";
import { readTokens } from "../../lib/analysis/sentiment/tokens";
import { DEFAULT_TRAIN_OPTIONS, seededRandom } from "../../lib/analysis/sentiment/train";

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "hypeline-sentiment-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

// Invented words, so whatever the model learns it learned from this data.
const POSITIVE_WORDS = ["zorbly", "flimmer", "quassy", "brindle"];
const NEGATIVE_WORDS = ["grumbat", "sloggish", "dreeve", "murkle"];
const FILLER = ["the", "film", "scene", "actor", "story", "camera", "night", "city", "music", "was", "and", "a"];

function generateTexts(count: number, seed: number): { text: string; positive: boolean }[] {
  const random = seededRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)];
  return Array.from({ length: count }, (_, i) => {
    const positive = i % 2 === 0;
    const words = Array.from({ length: 8 + Math.floor(random() * 6) }, () => pick(FILLER));
    for (let k = 0; k < 2; k += 1) {
      words.splice(Math.floor(random() * words.length), 0, pick(positive ? POSITIVE_WORDS : NEGATIVE_WORDS));
    }
    return { text: words.join(" ") + ".", positive };
  });
}

function writeJsonl(file: string, rows: readonly object[]): string {
  const target = path.join(tempDir, file);
  fs.writeFileSync(target, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  return target;
}

const tinyOptions = { ...DEFAULT_TRAIN_OPTIONS, minDocFreq: 2, epochs: 6, devShare: 0.2, maxFeatures: 5000 };

describe("training on labeled JSONL", () => {
  it("learns to separate the two classes", async () => {
    const data = writeJsonl(
      "tiny.jsonl",
      generateTexts(240, 1).map((row, i) => ({ id: `r${i}`, text: row.text, label: row.positive ? "pos" : "neg" })),
    );
    const out = path.join(tempDir, "tiny-model.json");
    const result = await trainFromFile({ ...tinyOptions, data, out, textField: "text", labelField: "label" });

    expect(result.devAccuracy).toBeGreaterThanOrEqual(0.95);
    const model = readModelFile(out);
    for (const word of POSITIVE_WORDS) expect(model.weights.get(word)).toBeGreaterThan(0);
    for (const word of NEGATIVE_WORDS) expect(model.weights.get(word)).toBeLessThan(0);

    // Unseen texts from the same process are scored on the right side.
    let correct = 0;
    const unseen = generateTexts(60, 99);
    for (const row of unseen) {
      const stream = readTokens(readDoc(row.text));
      const logit = model.bias + sentenceLogit(model, stream, 0, stream.normals.length, false);
      if (logit > 0 === row.positive) correct += 1;
    }
    expect(correct / unseen.length).toBeGreaterThanOrEqual(0.95);
  });

  it("is deterministic from its seed", async () => {
    const data = writeJsonl(
      "seeded.jsonl",
      generateTexts(120, 2).map((row) => ({ text: row.text, label: row.positive ? 1 : 0 })),
    );
    const first = path.join(tempDir, "a.json");
    const second = path.join(tempDir, "b.json");
    await trainFromFile({ ...tinyOptions, data, out: first, textField: "text", labelField: "label" });
    await trainFromFile({ ...tinyOptions, data, out: second, textField: "text", labelField: "label" });
    expect(fs.readFileSync(first, "utf8")).toBe(fs.readFileSync(second, "utf8"));
  });

  it("reads ratings with a threshold and custom field names", async () => {
    const data = writeJsonl(
      "ratings.jsonl",
      generateTexts(120, 3).map((row, i) => ({ body: row.text, stars: row.positive ? 7 + (i % 4) : 1 + (i % 4) })),
    );
    const out = path.join(tempDir, "ratings-model.json");
    const result = await trainFromFile({
      ...tinyOptions,
      data,
      out,
      textField: "body",
      labelField: "stars",
      threshold: 6,
    });
    expect(result.trainCount + result.devCount).toBe(120);
    expect(readModelFile(out).weights.get(POSITIVE_WORDS[0])).toBeGreaterThan(0);
  });

  it("names the fix when the data has one class only", async () => {
    const data = writeJsonl("one-class.jsonl", [{ text: "zorbly film.", label: "pos" }, { text: "quassy.", label: "pos" }]);
    await expect(
      trainFromFile({ ...tinyOptions, data, out: path.join(tempDir, "x.json"), textField: "text", labelField: "label" }),
    ).rejects.toThrow(/both classes/);
  });
});

describe("labeled records", () => {
  it.each([
    { value: "pos", expected: 1 },
    { value: "NEG", expected: 0 },
    { value: "positive", expected: 1 },
    { value: 1, expected: 1 },
    { value: 0, expected: 0 },
    { value: true, expected: 1 },
    { value: "neutral", expected: null },
    { value: "mixed", expected: null },
  ])("label $value → $expected", ({ value, expected }) => {
    expect(parseLabel(value)).toBe(expected);
  });

  it.each([
    { value: 8, threshold: 7, expected: 1 },
    { value: 4, threshold: 7, expected: 0 },
    { value: "3.5", threshold: 3, expected: 1 },
  ])("rating $value with threshold $threshold → $expected", ({ value, threshold, expected }) => {
    expect(parseLabel(value, threshold)).toBe(expected);
  });

  it("asks for --threshold when a label is a rating", () => {
    expect(() => parseLabel(8)).toThrow(/--threshold/);
  });

  it("names the flags when a field is missing", () => {
    const options = { textField: "text", labelField: "label" };
    expect(() => parseRecord('{"review":"x","label":"pos"}', 3, options)).toThrow(DatasetError);
    expect(() => parseRecord('{"review":"x","label":"pos"}', 3, options)).toThrow(/--text-field/);
    expect(() => parseRecord("not json", 4, options)).toThrow(/line 4/);
  });

  it("takes the IMDB rating from the id", () => {
    expect(ratingFromId("test/pos/12_9")).toBe(9);
    expect(ratingFromId("plain")).toBeNull();
    expect(parseRecord('{"id":"train/neg/3_2","label":"neg","text":"Bad."}', 1, { textField: "text", labelField: "label" }).rating).toBe(2);
  });

  it("undoes HTML line breaks and cp1252 control characters", () => {
    expect(cleanReviewText("Good.<br /><br />Very \u0096 good\u0085")).toBe("Good.\n\nVery – good…");
  });
});

describe("the shipped model", () => {
  it("loads from the repository and is compact", () => {
    const file = path.join(process.cwd(), DEFAULT_MODEL_PATH);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(3.2 * 1024 * 1024);
    const model = getModel();
    expect(model.weights.size).toBeGreaterThan(10_000);
    expect(Number.isFinite(model.bias)).toBe(true);
    expect(model.meta.devAccuracy).toBeGreaterThan(0.85);
    // Numbers and token strings only: no key is review text.
    for (const key of Array.from(model.weights.keys()).slice(0, 2000)) expect(key.split(" ").length).toBeLessThanOrEqual(2);
  });

  it("can be replaced through the environment", async () => {
    const data = writeJsonl("env.jsonl", generateTexts(80, 4).map((row) => ({ text: row.text, label: row.positive ? "pos" : "neg" })));
    const out = path.join(tempDir, "env-model.json");
    await trainFromFile({ ...tinyOptions, data, out, textField: "text", labelField: "label" });
    const previous = process.env[MODEL_ENV];
    try {
      process.env[MODEL_ENV] = out;
      expect(getModel().weights.has(POSITIVE_WORDS[0])).toBe(true);
      process.env[MODEL_ENV] = path.join(tempDir, "missing.json");
      expect(() => getModel()).toThrow(new RegExp(MODEL_ENV));
    } finally {
      if (previous === undefined) delete process.env[MODEL_ENV];
      else process.env[MODEL_ENV] = previous;
    }
    expect(getModel().weights.size).toBeGreaterThan(10_000);
  });
});

describe("evaluation figures", () => {
  const prediction = (gold: 0 | 1 | null, positive: boolean, score = positive ? 0.5 : -0.5, rating: number | null = null): Prediction => ({
    gold,
    goldLabel: gold === 1 ? "pos" : gold === 0 ? "neg" : "neutral",
    rating,
    score,
    positive,
    label: positive ? "pos" : "neg",
  });

  it("computes accuracy, recalls and macro-F1 over binary labels only", () => {
    const figures = binaryFigures([
      prediction(1, true),
      prediction(1, true),
      prediction(1, false),
      prediction(0, false),
      prediction(null, true),
    ]);
    expect(figures.n).toBe(4);
    expect(figures.accuracy).toBeCloseTo(0.75, 10);
    expect(figures.positiveRecall).toBeCloseTo(2 / 3, 10);
    expect(figures.negativeRecall).toBe(1);
    expect(figures.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 10);
  });

  it.each([
    { xs: [1, 2, 3, 4], ys: [2, 4, 6, 8], r: 1 },
    { xs: [1, 2, 3, 4], ys: [8, 6, 4, 2], r: -1 },
  ])("pearson($xs, $ys) = $r", ({ xs, ys, r }) => {
    expect(pearson(xs, ys)).toBeCloseTo(r, 10);
  });

  it("pearson is undefined for constant input", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
