// Scraped text → the text we analyse: normalised characters, no site chrome, no scraper repeats.
// Everything that is not chrome or a repeat is kept verbatim (headings, bullets, quotes).
import { splitLeadingDateMarker } from "./dates";

export interface CleanedText {
  text: string;
  /** Boilerplate lines removed ("Leave a Reply", "Source link", cookie notices…). */
  removedBoilerplate: number;
  /** Paragraphs removed as copies or truncated copies of another paragraph. */
  removedRepeats: number;
}

// Windows-1252 bytes mis-decoded as Latin-1 arrive as C1 control code points.
const C1_AS_CP1252: Record<string, string> = {
  "\u0080": "€", "\u0082": "‚", "\u0083": "ƒ", "\u0084": "„", "\u0085": "…", "\u0086": "†",
  "\u0087": "‡", "\u0088": "ˆ", "\u0089": "‰", "\u008a": "Š", "\u008b": "‹", "\u008c": "Œ",
  "\u008e": "Ž", "\u0091": "‘", "\u0092": "’", "\u0093": "“", "\u0094": "”", "\u0095": "•",
  "\u0096": "–", "\u0097": "—", "\u0098": "˜", "\u0099": "™", "\u009a": "š", "\u009b": "›",
  "\u009c": "œ", "\u009e": "ž", "\u009f": "Ÿ",
};

/** Line endings, spaces and invisible or mis-decoded characters made plain; nothing else changes. */
export function normalizeCharacters(raw: string): string {
  return (
    raw
      .replace(/\r\n?|[\u2028\u2029]/g, "\n")
      .replace(/[\u0080-\u009f]/g, (c) => C1_AS_CP1252[c] ?? "")
      .replace(/[\u00a0\u2007\u202f]/g, " ")
      .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, "")
      // Other C0 controls are never text (tab and newline stay).
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === "\f" || c === "\v" ? "\n" : ""))
      .replace(/[ \t]+$/gm, "")
  );
}

// Whole lines that are site chrome. Each must match the entire line, so prose that merely
// mentions a reply, an email or a newsletter is never touched.
const BOILERPLATE_LINES: RegExp[] = [
  /^leave a (reply|comment)( cancel reply)?$/,
  /^cancel reply$/,
  /^(post a |add a )?comments?( \(\d+\))?$/,
  /^\d+ (comments?|responses?|replies)$/,
  /^your email address will not be published\.?( required fields are marked \*)?$/,
  /^required fields are marked \*$/,
  /^source link$/,
  /^(related|recommended|popular|trending|latest|more) (posts|articles|stories|news|reads|content)$/,
  /^(you (may|might) (also )?like|recommended for you|don'?t miss|more from [\w .&'-]{1,40})$/,
  /^share( this)?( (article|story|post|page))?( on [\w .]{1,30})?$/,
  /^click to (share|print|email) (on|this)\b.{0,60}$/,
  /^(facebook|twitter|x|pinterest|reddit|linkedin|whatsapp|telegram|tumblr|email|print)$/,
  /^follow us( on\b.{0,60})?$/,
  /^(subscribe|sign up)( (to|for) (our|the))? newsletters?\b.{0,120}$/,
  /^advertisement\b.{0,40}$/,
  /^(sponsored( content)?|ad|continue reading( below)?|scroll to continue( with content)?)$/,
  /^read (more|next|also)\b( *[:»›>-].*)?$/,
  /^(©|\(c\)|copyright\b).{0,160}$/,
  /^all rights reserved\.?$/,
  /^(tags|filed under|categories|posted in)\s*:.{0,200}$/,
  /^skip to (main )?content$/,
  /^(this (web)?site|we) uses? cookies\b.{0,300}$/,
  /^.{0,200}\b(accept (all )?cookies|cookie (policy|settings|preferences)|by continuing to (use|browse) this (site|website))\b.{0,200}$/,
];

/** Is this whole line scraped site chrome (case, bullets and trailing punctuation ignored)? */
export function isBoilerplateLine(line: string): boolean {
  const key = line
    .trim()
    .replace(/^[•·▪*\-–—>]+\s*/, "")
    .replace(/[\s:.…!»›|]+$/, "")
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .toLowerCase();
  if (!key) return false;
  return BOILERPLATE_LINES.some((re) => re.test(key));
}

// Repeats are judged on words only, so punctuation, quotes and case differences do not hide a copy.
function wordsOf(paragraph: string): string[] {
  return paragraph
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b|(?<=s)'(?=\s|$)/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const MIN_WORDS_EXACT_REPEAT = 3;
const MIN_WORDS_FRAGMENT = 5;
/** Share of a fragment's word trigrams found in one other paragraph that marks it as a broken copy. */
const FRAGMENT_TRIGRAM_SHARE = 0.85;

function trigrams(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Indices of paragraphs that repeat another: later exact copies, and truncated copies anywhere. */
function findRepeats(paragraphs: string[]): Set<number> {
  const words = paragraphs.map(wordsOf);
  const joined = words.map((w) => w.join(" "));
  const repeats = new Set<number>();
  const seen = new Set<string>();
  words.forEach((w, i) => {
    if (w.length < MIN_WORDS_EXACT_REPEAT) return;
    if (seen.has(joined[i])) repeats.add(i);
    seen.add(joined[i]);
  });

  // A truncated copy shares nearly all its word trigrams with its source, so an index from
  // trigram to paragraphs finds the candidates without comparing every pair.
  const grams = words.map((w) => new Set(trigrams(w)));
  const paragraphsWith = new Map<string, number[]>();
  grams.forEach((set, j) => {
    for (const g of set) {
      const list = paragraphsWith.get(g);
      if (list) list.push(j);
      else paragraphsWith.set(g, [j]);
    }
  });

  words.forEach((part, i) => {
    if (repeats.has(i) || part.length < MIN_WORDS_FRAGMENT) return;
    const shared = new Map<number, number>();
    for (const g of grams[i]) for (const j of paragraphsWith.get(g) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    const own = grams[i].size;
    for (const [j, found] of [...shared].sort((a, b) => a[0] - b[0])) {
      if (j === i || repeats.has(j) || words[j].length <= part.length) continue;
      // Contained word for word, or (scrapers drop words at tag boundaries) nearly so.
      const contained = found === own && ` ${joined[j]} `.includes(` ${joined[i]} `);
      if (contained || (own >= 4 && found / own >= FRAGMENT_TRIGRAM_SHARE)) {
        repeats.add(i);
        return;
      }
    }
  });
  return repeats;
}

/**
 * wink's tokenizer takes time that grows with the square of a run of characters without
 * whitespace (measured: 2,000 dashes 0.2 s, 32,000 dashes 5.7 s; a 1 MB token would take hours).
 * No word or link in prose is that long, so longer runs are broken with spaces: real text is
 * unchanged, and hostile text cannot stall an ingest (tests/unit/analysis-fuzz.test.ts).
 */
export const MAX_RUN_CHARS = 256;
const RUNAWAY = new RegExp(`\\S{${MAX_RUN_CHARS + 1},}`, "gu");
const RUN_PIECE = new RegExp(`\\S{1,${MAX_RUN_CHARS}}`, "gu");

export function breakRunawayTokens(text: string): string {
  return text.replace(RUNAWAY, (run) => (run.match(RUN_PIECE) ?? [run]).join(" "));
}

export function cleanText(raw: string): CleanedText {
  let text = breakRunawayTokens(normalizeCharacters(raw));
  text = splitLeadingDateMarker(text)?.rest ?? text;

  let removedBoilerplate = 0;
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .filter((line) => {
          if (!isBoilerplateLine(line)) return true;
          removedBoilerplate++;
          return false;
        })
        .join("\n")
        .replace(/^\n+|\n+$/g, ""),
    )
    .filter((paragraph) => paragraph.trim() !== "");

  const repeats = findRepeats(paragraphs);
  const kept = paragraphs.filter((_, i) => !repeats.has(i));
  return { text: kept.join("\n\n").trim(), removedBoilerplate, removedRepeats: repeats.size };
}
