// Diverging colour scale for sentence scores: orange (negative) ← grey → blue (positive), from
// the Okabe–Ito palette. Backgrounds stay light enough for dark text to read on them.
import { STANCE_THRESHOLDS } from "@/lib/metrics";

// The same band that labels a document neutral: inside it a sentence has no lean either way.
const NEUTRAL_EPSILON = STANCE_THRESHOLDS.neutralBand;

/**
 * Background for a sentence score. Descriptive sentences (story, facts) get a paler tint of the
 * same scale: their polarity is shown, but they count little toward the document's stance.
 */
export function sentenceBackground(score: number, evaluative = true): string {
  const magnitude = Math.min(1, Math.abs(score));
  if (magnitude < NEUTRAL_EPSILON) return `rgba(138, 143, 152, ${evaluative ? 0.16 : 0.08})`;
  const alpha = (evaluative ? 0.12 + 0.43 * magnitude : 0.05 + 0.17 * magnitude).toFixed(3);
  return score > 0 ? `rgba(0, 114, 178, ${alpha})` : `rgba(230, 159, 0, ${alpha})`;
}

/** The legend's ramp, built from the same function so the two cannot drift apart. */
export function sentenceScaleGradient(): string {
  const stops = [-1, -0.5, -0.1, 0, 0.1, 0.5, 1].map(
    (score) => `${sentenceBackground(score)} ${((score + 1) / 2) * 100}%`,
  );
  return `linear-gradient(90deg, ${stops.join(", ")})`;
}
