// Film-aware sentiment: a trained linear polarity model (sentiment/model.ts) read through a
// critic's rules (sentiment/rules.ts), per sentence, then rolled up into a document stance
// with the weights and thresholds of lib/metrics.ts.
import type { Document } from "wink-nlp";
import { documentStance, sentenceScore, stanceContributions } from "../metrics";
import { breakRunawayTokens } from "./clean";
import { readDoc } from "./nlp";
import { emitFeatures } from "./sentiment/features";
import { getModel, type PolarityModel } from "./sentiment/model";
import {
  EXCITEMENT_POLARITY,
  HEDGE_DAMPING,
  adjustedBigramWeight,
  adjustedUnigramWeight,
  evaluativeEvidence,
  hasGenreContext,
  isEvaluative,
  readAnticipation,
  tokenWeights,
} from "./sentiment/rules";
import { readTokens, sliceSentences, type SentenceSlice, type TokenStream } from "./sentiment/tokens";
import type { ScoredSentence, ScoredText } from "./types";

/** Score a document parsed by `readDoc(text)`; sentence offsets index into `text`. */
export function scoreDocument(doc: Document, text: string): ScoredText {
  const model = getModel();
  const stream = readTokens(doc);
  const genreContext = hasGenreContext(stream);
  let totalLogit = 0;
  const sentences = sliceSentences(doc, stream, text).map((slice) => {
    const { logit, sentence } = scoreSentence(model, stream, slice, genreContext);
    totalLogit += logit;
    return sentence;
  });
  return { sentences, stance: documentStance(sentences, sentenceScore(totalLogit)) };
}

/** Scores raw text (the score command); runaway tokens are broken first, as cleaning does. */
export function scoreText(raw: string): ScoredText {
  const text = breakRunawayTokens(raw);
  return scoreDocument(readDoc(text), text);
}

/**
 * The sentences that pushed the stance up and down most (weight = contribution to the
 * stance score), strongest first.
 */
export function topEvidence(scored: ScoredText, n = 3): { up: ScoredSentence[]; down: ScoredSentence[] } {
  const contributions = stanceContributions(scored.sentences);
  const ranked = scored.sentences.map((sentence, i) => ({ sentence, contribution: contributions[i] }));
  const up = ranked
    .filter((item) => item.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, n);
  const down = ranked
    .filter((item) => item.contribution < 0)
    .sort((a, b) => a.contribution - b.contribution)
    .slice(0, n);
  return { up: up.map((item) => item.sentence), down: down.map((item) => item.sentence) };
}

/** One sentence's log-odds under the model with the critic's adjustments. */
export function sentenceLogit(
  model: PolarityModel,
  stream: TokenStream,
  first: number,
  end: number,
  genreContext: boolean,
): number {
  const weights = tokenWeights(stream, first, end);
  let logit = 0;
  emitFeatures(stream, first, end, (key, a, b) => {
    const modelWeight = model.weights.get(key) ?? 0;
    if (a === b) {
      logit += adjustedUnigramWeight(stream, a, modelWeight, genreContext, first, end) * weights[a - first];
      return;
    }
    const weight = adjustedBigramWeight(stream, a, b, modelWeight, genreContext);
    logit += (weight * (weights[a - first] + weights[b - first])) / 2;
  });
  return logit;
}

function scoreSentence(
  model: PolarityModel,
  stream: TokenStream,
  slice: SentenceSlice,
  genreContext: boolean,
): { logit: number; sentence: ScoredSentence } {
  const { firstToken: first, endToken: end } = slice;
  const anticipation = readAnticipation(stream, first, end);
  let logit = sentenceLogit(model, stream, first, end, genreContext);
  // Excitement about the title is a positive stance toward it; a hedge weakens any claim.
  if (anticipation.signal > 0) logit += anticipation.signal * EXCITEMENT_POLARITY;
  if (anticipation.hedged) logit *= HEDGE_DAMPING;
  const evaluative = isEvaluative(evaluativeEvidence(stream, first, end), logit, anticipation);
  return {
    logit,
    sentence: {
      index: slice.index,
      text: slice.text,
      start: slice.start,
      end: slice.end,
      score: sentenceScore(logit),
      evaluative,
      anticipation: anticipation.signal,
    },
  };
}
