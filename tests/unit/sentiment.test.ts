import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { its, readDoc } from "../../lib/analysis/nlp";
import { scoreDocument, scoreText, sentenceLogit, topEvidence } from "../../lib/analysis/sentiment";
import { emitFeatures } from "../../lib/analysis/sentiment/features";
import type { PolarityModel } from "../../lib/analysis/sentiment/model";
import { readAnticipation, tokenWeights } from "../../lib/analysis/sentiment/rules";
import { readTokens } from "../../lib/analysis/sentiment/tokens";

/** A hand-made model, so each rule is tested against weights we control. */
function modelOf(weights: Record<string, number>): PolarityModel {
  return { bias: 0, weights: new Map(Object.entries(weights)), meta: {} };
}

function streamOf(text: string) {
  const stream = readTokens(readDoc(text));
  return { stream, end: stream.normals.length };
}

/** The plain linear model with no rule (and wink-nlp's own negation): what each rule must improve on. */
function rawLogit(model: PolarityModel, text: string): number {
  const doc = readDoc(text);
  const stream = { ...readTokens(doc), negated: doc.tokens().out(its().negationFlag) as boolean[] };
  const end = stream.normals.length;
  let logit = 0;
  emitFeatures(stream, 0, end, (key) => (logit += model.weights.get(key) ?? 0));
  return logit;
}

function ruledLogit(model: PolarityModel, text: string, genreContext = false): number {
  const { stream, end } = streamOf(text);
  return sentenceLogit(model, stream, 0, end, genreContext);
}

interface RuleCase {
  rule: string;
  text: string;
  weights: Record<string, number>;
  genre: boolean;
  /** The sign a critic reads; 0 = "never negative". */
  sign: -1 | 0 | 1;
}

describe("rules change the model's reading where a critic would", () => {
  it.each<RuleCase>([
    {
      rule: "genre words praise the craft",
      text: "The fight scenes are brutal.",
      weights: { brutal: -2 },
      genre: false,
      sign: 1,
    },
    {
      rule: "genre words never count against the work in genre coverage",
      text: "It is savage from start to finish.",
      weights: { savage: -1.5 },
      genre: true,
      sign: 0,
    },
    {
      rule: "criticism words pull down even when the model shrugs",
      text: "It is predictable.",
      weights: { predictable: 0.2 },
      genre: false,
      sign: -1,
    },
    {
      rule: "negated praise is criticism",
      text: "Hardly a masterpiece.",
      weights: { "~masterpiece": 0.4 },
      genre: false,
      sign: -1,
    },
    {
      rule: "'while X, Y' weights the main clause",
      text: "While the plot is thin, the action is spectacular.",
      weights: { thin: -1.2, spectacular: 0.8 },
      genre: false,
      sign: 1,
    },
    {
      rule: "'X, but Y' weights what follows the pivot",
      text: "The action is spectacular, but the plot is thin and dull.",
      weights: { spectacular: 1.5, thin: -0.3, dull: -0.5 },
      genre: false,
      sign: -1,
    },
    {
      rule: "'nothing' negates what follows",
      text: "Nothing about it feels fresh.",
      weights: { fresh: 1, "~fresh": -1 },
      genre: false,
      sign: -1,
    },
    {
      rule: "'no less' affirms what follows",
      text: "It is no less thrilling than the original.",
      weights: { "~thrilling": -1, thrilling: 1 },
      genre: false,
      sign: 1,
    },
  ])("$rule: $text", ({ text, weights, genre, sign }) => {
    const model = modelOf(weights);
    const raw = rawLogit(model, text);
    const ruled = ruledLogit(model, text, genre);
    // Without the rule the plain model gets the direction wrong (or calls praise criticism) ...
    expect(Math.sign(raw)).not.toBe(sign === 0 ? 1 : sign);
    if (sign === 0) {
      expect(raw).toBeLessThan(0);
      expect(ruled).toBeGreaterThanOrEqual(0);
    } else {
      // ... and with it the sentence leans the way a critic reads it.
      expect(Math.sign(ruled)).toBe(sign);
    }
  });

  it.each([
    { modifier: "very", stronger: true },
    { modifier: "extremely", stronger: true },
    { modifier: "somewhat", stronger: false },
    { modifier: "slightly", stronger: false },
  ])("'$modifier' scales the next word", ({ modifier, stronger }) => {
    const model = modelOf({ dull: -1 });
    const plain = Math.abs(ruledLogit(model, "It is dull."));
    const modified = Math.abs(ruledLogit(model, `It is ${modifier} dull.`));
    if (stronger) expect(modified).toBeGreaterThan(plain);
    else expect(modified).toBeLessThan(plain);
  });

  it("contrast leaves a sentence without a pivot untouched", () => {
    const { stream, end } = streamOf("The action is spectacular and the plot is thin.");
    expect(Array.from(tokenWeights(stream, 0, end)).every((weight) => weight === 1)).toBe(true);
  });
});

describe("anticipation is expectation, separate from polarity", () => {
  it.each([
    { text: "I can't wait to see this.", direction: 1, hedged: false },
    { text: "The highly anticipated sequel arrives in June.", direction: 1, hedged: false },
    { text: "The trailer promises exciting hand-to-hand combat.", direction: 1, hedged: false },
    { text: "Only time will tell whether it works.", direction: -1, hedged: true },
    { text: "Ballerina aims to live up to John Wick's legacy.", direction: -1, hedged: true },
    { text: "Ballerina can't risk being a less exciting John Wick movie.", direction: -1, hedged: true },
    { text: "I am not excited about this one.", direction: -1, hedged: false },
    { text: "The film runs two hours.", direction: 0, hedged: false },
  ])("$text", ({ text, direction, hedged }) => {
    const { stream, end } = streamOf(text);
    const reading = readAnticipation(stream, 0, end);
    expect(Math.sign(reading.signal)).toBe(direction);
    expect(reading.hedged).toBe(hedged);
    expect(Math.abs(reading.signal)).toBeLessThanOrEqual(1);
    expect(scoreText(text).sentences[0].anticipation).toBeCloseTo(reading.signal, 10);
  });
});

describe("scoreText with the shipped model", () => {
  it.each([
    { text: "A stunning, gorgeous film.", label: "positive" },
    { text: "The fight scenes are brutal and relentless.", label: "positive" },
    { text: "Predictable and formulaic.", label: "negative" },
    { text: "Hardly a masterpiece.", label: "negative" },
    { text: "While the plot is thin, the action is spectacular.", label: "positive" },
    { text: "The cast is great, but the script is lazy and the pacing is dreadful.", label: "negative" },
    { text: "I can't wait to see this!", label: "positive" },
    { text: "A boring, bloated and overlong mess.", label: "negative" },
  ])("$text → $label", ({ text, label }) => {
    expect(scoreText(text).stance.label).toBe(label);
  });

  it.each([
    { text: "Ana de Armas delivers a haunting, graceful performance.", evaluative: true },
    { text: "The choreography is poetic carnage.", evaluative: true },
    { text: "Funny, sad and wise.", evaluative: true },
    { text: "I loved every minute of it.", evaluative: true },
    { text: "She hunts down the men who murdered her family.", evaluative: false },
    { text: "Ana de Armas plays Rooney, a trained assassin avenging the deaths of her family.", evaluative: false },
    { text: "Ballerina is set to hit theaters on June 6, 2025.", evaluative: false },
    { text: "It is too early to say whether the recasting will pay off.", evaluative: false },
  ])("evaluative($text) = $evaluative", ({ text, evaluative }) => {
    expect(scoreText(text).sentences[0].evaluative).toBe(evaluative);
  });

  it("a plot synopsis of a thriller is not a negative review", () => {
    const review =
      "Rooney's family is murdered by a cult of assassins. She hunts the killers across Europe, " +
      "leaving a trail of bodies behind her. The fight scenes are brutal and relentless, and " +
      "Ana de Armas is superb. A thrilling, beautifully made action film.";
    const scored = scoreText(review);
    expect(scored.stance.label).toBe("positive");
    const plot = scored.sentences.filter((sentence) => !sentence.evaluative);
    expect(plot.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps every score in range and offsets exact", () => {
    const text = "  First line.\n\nIt's great<br /><br />really \u0096 good… ok?!   \"Yes,\" he said.\tThe end.  ";
    const scored = scoreText(text);
    expect(scored.sentences.length).toBeGreaterThan(2);
    let cursor = 0;
    for (const sentence of scored.sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.start).toBeGreaterThanOrEqual(cursor);
      expect(sentence.text).toBe(sentence.text.trim());
      cursor = sentence.end;
      expect(Math.abs(sentence.score)).toBeLessThanOrEqual(1);
      expect(Math.abs(sentence.anticipation)).toBeLessThanOrEqual(1);
    }
    expect(scored.stance.confidence).toBeGreaterThanOrEqual(0);
    expect(scored.stance.confidence).toBeLessThanOrEqual(1);
  });

  it("scoreDocument and scoreText agree", () => {
    const text = "A gorgeous film. The plot drags in the middle, though.";
    expect(scoreDocument(readDoc(text), text)).toEqual(scoreText(text));
  });

  it("an empty text is neutral with no sentences", () => {
    const scored = scoreText("");
    expect(scored.sentences).toEqual([]);
    expect(scored.stance.label).toBe("neutral");
  });
});

describe("topEvidence", () => {
  const scored = scoreText(
    "The acting is superb. The plot is a bloated, tedious mess. The score is wonderful. " +
      "She travels to Prague. The ending is gorgeous and moving.",
  );

  it("splits sentences by the direction they pushed, strongest first", () => {
    const { up, down } = topEvidence(scored, 2);
    expect(up.length).toBe(2);
    expect(down.map((sentence) => sentence.text)).toContain("The plot is a bloated, tedious mess.");
    for (const sentence of up) expect(sentence.score).toBeGreaterThan(0);
    for (const sentence of down) expect(sentence.score).toBeLessThan(0);
  });

  it("returns at most n of each", () => {
    const { up, down } = topEvidence(scored, 1);
    expect(up.length).toBe(1);
    expect(down.length).toBeLessThanOrEqual(1);
  });
});

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seeds = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).filter((file) => file.endsWith(".txt")).sort() : [];

describe.skipIf(seeds.length === 0)("the three seed documents", () => {
  it.each(seeds)("%s reads as positive", (file) => {
    const scored = scoreText(fs.readFileSync(path.join(seedsDir, file), "utf8"));
    expect(scored.stance.label).toBe("positive");
    expect(scored.stance.evaluativeShare).toBeGreaterThan(0);
  });

  it("the review's strongest evidence judges the film, not the plot", () => {
    const file = seeds.find((name) => name.startsWith("002_"));
    expect(file).toBeDefined();
    const scored = scoreText(fs.readFileSync(path.join(seedsDir, file as string), "utf8"));
    const { up } = topEvidence(scored, 3);
    expect(up.length).toBe(3);
    for (const sentence of up) expect(sentence.evaluative).toBe(true);
    const plotVerbs = /\b(follows|embarks|discovers|murdered|sets out|journey takes)\b/;
    for (const sentence of up) expect(sentence.text).not.toMatch(plotVerbs);
  });
});
