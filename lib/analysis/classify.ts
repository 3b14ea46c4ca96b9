// What a document is (review or article) and when it speaks (anticipation or reception).
// Both are inferred from cues a reader would use, and each answer says which cues decided it.
import { isIsoDay } from "./dates";
import type { DocumentKind, Phase } from "./types";

interface Cue {
  label: string;
  pattern: RegExp;
  /** Points per match. */
  weight: number;
  /** Most points this cue can give, so one repeated word cannot decide alone. */
  cap: number;
}

interface CueHit {
  label: string;
  points: number;
}

const cue = (label: string, pattern: RegExp, weight: number, cap = weight): Cue => ({
  label,
  pattern: new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`),
  weight,
  cap,
});

// A verdict on the finished work: ratings, verdict lines, credits boxes, watching it, judging it.
const VERDICT_CUES: Cue[] = [
  cue("star rating", /(?<![\d/.])(?:[0-5](?:\.5)?\s*\/\s*5|(?:10|\d(?:\.5)?)\s*\/\s*10)(?![\d/])|[★☆]{2,}|\bout of (?:five|four|ten|[45]|10) stars\b/i, 4),
  cue("verdict line", /^[ \t]*(?:the |final |our )?(?:verdict|rating|bottom line|final thoughts|grade)\s*:/im, 4),
  cue("credits block", /^[ \t]*(?:director|directed by|starring|cast|runtime|running time|genre|rated|screenplay|written by)\s*:/gim, 1, 3),
  cue(
    "first-person viewing",
    /\b(?:I|we) (?:walked out|watched|saw it|left the (?:theater|theatre|cinema)|came away|(?:was|were) (?:blown away|left|bored|hooked|moved|disappointed|captivated|riveted)|loved|hated|enjoyed|admired)\b|\b(?:left|kept) me\b/gi,
    2,
    4,
  ),
  cue("judges a performance", /\b(?:delivers?|gives?|turns? in) an? [^.]{0,60}?\bperformance\b|\bperformances? (?:is|are|was|were) \w+/gi, 2, 4),
  cue("judges the film", /\bthe (?:film|movie)(?:'s|’s)? (?:was|feels|felt|drags|falls flat|succeeds|fails|never lets up|works)\b/gi, 1, 2),
  cue("judges parts of the film", /\b(?:the (?:final|third|first|second) act|standout (?:scene|sequence|performance|moment)|(?:score|soundtrack) by|leaving the audience|the pacing)\b/gi, 1, 3),
  cue(
    "critical vocabulary",
    /\b(?:masterpiece|tour de force|must-see|worth (?:the price|watching|seeing)|a triumph|letdown|overlong|plodding|forgettable|tedious|mesmeri[sz]ing|unforgettable|breathtaking|misfire|disappointing)\b/gi,
    1,
    3,
  ),
];

// News about a film that is still coming: trailers, casting, schedules, interviews.
const NEWS_CUES: Cue[] = [
  cue("trailer/teaser", /\b(?:trailers?|teasers?)\b/gi, 1, 3),
  cue("first look", /\bfirst look\b/gi, 2),
  cue("footage", /\bfootage\b/gi, 1, 2),
  cue("scheduled release", /\b(?:is|are) (?:set|scheduled|slated|due) to\b|\bwill be released\b|\b(?:set|scheduled|slated) to (?:hit|premiere|release|arrive|open|debut)\b/gi, 2, 4),
  cue("expectation", /\b(?:expected to|upcoming|highly anticipated|can't wait|can’t wait)\b/gi, 1, 2),
  cue("interview/report", /\binterview\b|\baccording to\b|\(via \w+/gi, 1, 2),
  cue("announcement", /\b(?:announced|confirmed|revealed|casting|cast as|joins the cast)\b/gi, 1, 2),
  cue("convention/festival", /\b(?:CinemaCon|Comic-Con|CCXP|D23|festival)\b/gi, 1, 2),
  cue("future tense", /\bwill\b/gi, 0.5, 2),
  cue("box office news", /\b(?:box office|opening weekend|grossed)\b/gi, 1, 2),
];

// Coverage after release: verdicts (above) plus box-office results and availability.
const RECEPTION_CUES: Cue[] = [
  ...VERDICT_CUES,
  cue("box-office results", /\b(?:grossed|box[- ]office (?:opening|debut|haul|results|take)|opened (?:last|this) weekend|opened to|opening weekend (?:of|haul)|earned \$|CinemaScore)\b/gi, 2, 4),
  cue("in release", /\b(?:now (?:playing|showing|in theaters|in theatres|streaming)|since its release|after its release)\b/gi, 2, 4),
];

const ANTICIPATION_CUES: Cue[] = [
  cue("scheduled release", /\b(?:is|are) (?:set|scheduled|slated|due) to (?:hit|premiere|release|arrive|open|debut|be released)\b|\bwill be released\b|\bwill (?:hit|premiere|open|arrive)\b/gi, 3, 6),
  cue("upcoming", /\b(?:upcoming|coming soon|ahead of (?:its|the film's|the film’s) release|highly anticipated|can't wait|can’t wait)\b/gi, 2, 4),
  cue("trailer/first look", /\b(?:trailers?|teasers?|first look|footage)\b/gi, 1, 3),
  cue("expectation", /\b(?:expected to|aims to|only time will tell|promises)\b/gi, 1, 2),
];

function scoreCues(text: string, cues: Cue[]): { points: number; hits: CueHit[] } {
  const hits: CueHit[] = [];
  for (const c of cues) {
    const matches = text.match(c.pattern)?.length ?? 0;
    if (matches > 0) hits.push({ label: c.label, points: Math.min(c.cap, matches * c.weight) });
  }
  return { points: hits.reduce((sum, h) => sum + h.points, 0), hits };
}

function describe(hits: CueHit[]): string {
  return hits.length ? hits.map((h) => `${h.label} (${h.points})`).join(", ") : "none";
}

const REVIEW_HEADLINE = /\breview(?:ed|s)?\b|\bverdict\b|[★☆]/i;
/** Verdict points needed to call a document a review (a headline that says "review" is enough). */
const MIN_REVIEW_POINTS = 3;

/** Review or article, from the cues in the text and headline. */
export function inferKind(
  text: string,
  headline?: string | null,
): { kind: DocumentKind; inferred: true; reason: string } {
  const verdict = scoreCues(text, VERDICT_CUES);
  if (headline && REVIEW_HEADLINE.test(headline)) {
    verdict.hits.unshift({ label: "headline says review", points: 4 });
    verdict.points += 4;
  }
  const news = scoreCues(`${headline ?? ""}\n${text}`, NEWS_CUES);
  const isReview = verdict.points >= MIN_REVIEW_POINTS && verdict.points > news.points;
  const reason = `review cues ${verdict.points}: ${describe(verdict.hits)}; article cues ${news.points}: ${describe(news.hits)}`;
  return { kind: isReview ? "review" : "article", inferred: true, reason };
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Anticipation (before release) or reception (on/after). Known dates decide; otherwise the text
 * is read for cues and the answer is marked inferred; null when there is no signal either way.
 */
export function decidePhase(input: { publishedAt: string | null; releaseDate: string | null; text: string }): {
  phase: Phase | null;
  inferred: boolean;
  reason: string;
} {
  const { publishedAt, releaseDate, text } = input;
  if (publishedAt && releaseDate && isIsoDay(publishedAt) && isIsoDay(releaseDate)) {
    const days = daysBetween(publishedAt, releaseDate);
    if (days > 0) {
      return { phase: "anticipation", inferred: false, reason: `published ${publishedAt}, ${days} days before release on ${releaseDate}` };
    }
    return {
      phase: "reception",
      inferred: false,
      reason: days === 0 ? `published on release day ${releaseDate}` : `published ${publishedAt}, ${-days} days after release on ${releaseDate}`,
    };
  }

  const missing = !publishedAt ? "undated" : "release date unknown";
  const before = scoreCues(text, ANTICIPATION_CUES);
  const after = scoreCues(text, RECEPTION_CUES);
  const cues = `anticipation cues ${before.points}: ${describe(before.hits)}; reception cues ${after.points}: ${describe(after.hits)}`;
  if (before.points === 0 && after.points === 0) {
    return { phase: null, inferred: false, reason: `${missing}, and the text has no anticipation or reception cues` };
  }
  if (before.points === after.points) {
    return { phase: null, inferred: false, reason: `${missing}, and the text's cues are evenly split (${cues})` };
  }
  const phase: Phase = before.points > after.points ? "anticipation" : "reception";
  return { phase, inferred: true, reason: `${missing}; inferred from the text: ${cues}` };
}
