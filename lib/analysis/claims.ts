// Factual claims a document makes about its title: release date, director, runtime, cast, and a
// year in the headline ("Ballerina: A John Wick Story (2024)"). Each claim keeps the words it came
// from, so a disagreement can be shown with its sources.
//
// Rules (each a pattern over one sentence, or one line of a credits box):
//  - release_date: a release verb or label right before a date: "hit(s) theaters on", "arrives in
//    theaters", "opens (Friday,)", "premieres in theaters", "is released on", "Release Date:",
//    "moved … to/onto", or a date before "release" ("its June 6 release", "a June 6, 2025
//    theatrical release"). A festival premiere is not a release. A date without a year takes the
//    first year that puts it at most 60 days before publication (news names the coming date); an
//    undated document's yearless date is skipped.
//  - director: "directed by X", "Director: X", "director X", "X directs".
//  - runtime (minutes): "Runtime: 2h 3min", "runs 128 minutes", "the 169-minute runtime",
//    "At 169 minutes, …".
//  - cast: "Starring: A, B (cameo), C", "starring A", "A plays …", "A as Character", "played by A".
//  - year: "(2024)" in the headline.
// A claim also records its subject, the words before the trigger: a claim whose subject names
// some other work ("the first John Wick ran about 100 minutes") is not about the title, which
// claimIsAboutTitle() decides once the title's names are known (at store time).
import { toIsoDay } from "./dates";
import { personKey } from "./people";

export const CLAIM_KINDS = ["release_date", "director", "runtime", "cast", "year"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** Kinds with one true value per title, so two values are a conflict (cast is a list). */
export const SINGLE_VALUED_CLAIMS: ReadonlySet<ClaimKind> = new Set(["release_date", "director", "runtime", "year"]);

export interface ClaimMatch {
  kind: ClaimKind;
  /** Compared across documents: YYYY-MM-DD, minutes, a person key or a year. */
  value: string;
  /** How the value reads to a person: "June 6, 2025", "123 min", "Len Wiseman". */
  display: string;
  /** The sentence (or credits line) the claim came from. */
  quote: string;
  /** Index of the sentence, or null for the headline. */
  sentenceIndex: number | null;
  /** The words before the trigger: who the claim is about. */
  subject: string;
  /** The trigger words themselves ("has moved Signal Fire … onto"), which may name the title too. */
  trigger: string;
}

export interface ClaimInput {
  sentences: { index: number; text: string }[];
  headline?: string | null;
  /** YYYY-MM-DD: dates written without a year take the year nearest to it. */
  publishedAt?: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// Month names are matched with a capital so that "may" the verb is never a month.
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const WEEKDAY = "(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s+)?";
const DATE = `${WEEKDAY}(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2}))`;

const DATE_RE = new RegExp(DATE, "y");
/** For lookaheads: the same date with no capture groups of its own. */
const ANY_DATE = DATE.replace(/\((?!\?)/g, "(?:");

const THEATERS = "(?:in|into|to)?\\s*(?:theaters|theatres|cinemas)(?:\\s+(?:nationwide|everywhere|worldwide|across the country))?";
const RELEASE_VERB = "(?:hits?|hitting|arrives?|arriving|lands?|landing|opens?|opening|debuts?|bows?|premieres?|comes? out|is out|releases?|released|be released|is released|was released|will be released|returns?)";
// Trigger + date; group "date" is where the date starts.
const RELEASE_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${RELEASE_VERB}|hit)\\s+${THEATERS}\\s+(?:on\\s+)?(?=${ANY_DATE})`, "gi"),
  new RegExp(`\\b(?:opens?|arrives?|lands?|debuts?|hits?|is released|was released|will be released|released|comes out)\\s+(?:on\\s+)?(?=${ANY_DATE})`, "gi"),
  new RegExp(`\\brelease date\\b\\s*(?:is|was|of|:|—|–|-|\\n)?\\s*(?:set for|now|moved to)?\\s*(?=${ANY_DATE})`, "gi"),
  new RegExp(`\\b(?:moved|moves|moving|pushed|pushes|shifted|shifts|delayed|bumped|dated|slated|scheduled|set)\\b[^.;!?]{0,90}?\\b(?:to|onto|for|until)\\s+(?=${ANY_DATE})`, "gi"),
];
// A date followed by "release": "its June 6 release", "a June 6, 2025 theatrical release".
const DATE_THEN_RELEASE = new RegExp(`\\b(?:a|an|its|the|their|his|her)\\s+(?=${ANY_DATE},?\\s+(?:(?:theatrical|wide|limited|nationwide|domestic|global|worldwide|us|u\\.s\\.)\\s+)?(?:release|opening|bow)\\b)`, "gi");

const NAME = "(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:(?:de|da|del|della|di|du|van|von|der|den|le|la|bin|dos|y)\\s+)?\\p{Lu}[\\p{L}'’.-]+){1,3})";
const DIRECTOR_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:[Dd]irected|[Hh]elmed) by\\s+${NAME}`, "gu"),
  new RegExp(`\\b(?:[Dd]irector|writer-director|[Ww]riter\\/director)\\s*:?\\s+${NAME}`, "gu"),
  new RegExp(`${NAME}\\s+(?:directs|helms)\\b`, "gu"),
];

const DURATION = "(?:(\\d{1,2})\\s*(?:h|hr|hrs|hours?)\\.?\\s*(?:and\\s+)?(\\d{1,2})\\s*(?:m|min|mins|minutes?)\\b\\.?|(\\d{2,3})\\s*(?:-\\s*)?(?:min|mins|minutes?)\\b)";
const ANY_DURATION = DURATION.replace(/\((?!\?)/g, "(?:");
const RUNTIME_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:runtime|running time|run time|length|duration)\\b\\s*(?:is|was|of|:|will be|has been (?:confirmed|set|revealed|reported) at|(?:is |was )?confirmed at|clocks in at)?\\s*(?:about|around|roughly|nearly|just over|just under|a lean|a brisk|an?)?\\s*(?=${ANY_DURATION})`, "gi"),
  new RegExp(`\\b(?:runs|ran|clocks in at|clocking in at)\\s+(?:about|around|roughly|nearly|just over|just under|a lean|a brisk)?\\s*(?=${ANY_DURATION})`, "gi"),
  new RegExp(`^\\s*At\\s+(?:about\\s+|nearly\\s+|over\\s+)?(?=${ANY_DURATION},)`, "g"),
  new RegExp(`\\b(?:the|a|an|its)\\s+(?=\\d{2,3}-minute\\s+(?:runtime|running time|cut))`, "gi"),
];
const DURATION_RE = new RegExp(DURATION, "y");

const CAST_LIST = new RegExp(`^\\s*(?:Starring|Cast|Stars)\\s*:?\\s+(.+)$`, "gmu");
const CAST_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:[Ss]tarring|[Pp]layed by|[Pp]ortrayed by|[Vv]oiced by)\\s+${NAME}`, "gu"),
  new RegExp(`${NAME}\\s+(?:plays|played|stars as|starred as|leads as|returns as|is back as|reprises (?:her|his|their) role as|as (?=[Tt]he\\s+\\p{Lu}|\\p{Lu}))`, "gu"),
];

const RELEASE_PATTERNS_ALL = [...RELEASE_PATTERNS, DATE_THEN_RELEASE];
const CAST_CUE = /starring|play|portray|voice|\bas\b|lead|return|reprise|back/i;

const HEADLINE_YEAR = /\(((?:19|20)\d{2})\)/;

/** How far before publication a yearless release date may lie (see parseDate). */
export const YEARLESS_LOOKBACK_DAYS = 60;

function parseDate(match: RegExpExecArray, publishedAt: string | null | undefined): string | null {
  const [, m1, d1, y1, d2, m2, y2, iy, im, id] = match;
  if (iy) return toIsoDay(Number(iy), Number(im), Number(id));
  const month = MONTHS[(m1 ?? m2).toLowerCase().replace(".", "")];
  const day = Number(d1 ?? d2);
  const year = y1 ?? y2;
  if (year) return toIsoDay(Number(year), month, day);
  if (!publishedAt) return null;
  // News names the coming date ("arrives October 3"); a piece written just after release may
  // name the one that has just passed ("opened June 6"). So: the first such day on or after
  // YEARLESS_LOOKBACK_DAYS before publication.
  const earliest = Date.parse(`${publishedAt}T00:00:00Z`) - YEARLESS_LOOKBACK_DAYS * 86_400_000;
  const base = Number(publishedAt.slice(0, 4));
  for (const y of [base - 1, base, base + 1]) {
    const iso = toIsoDay(y, month, day);
    if (iso && Date.parse(`${iso}T00:00:00Z`) >= earliest) return iso;
  }
  return null;
}

export function displayDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTH_NAMES[m]} ${d}, ${y}`;
}

function minutesOf(match: RegExpExecArray): number | null {
  const [, hours, minutes, total] = match;
  const value = total ? Number(total) : Number(hours) * 60 + Number(minutes);
  // Shorter than a short, longer than any release: a number that is not a runtime.
  return value >= 40 && value <= 400 ? value : null;
}

/** Capitalised sentence openers a name pattern can sweep up ("With Keanu Reeves"). */
const LEADING_WORDS = /^(?:(?:The|A|An|In|At|With|As|But|And|While|Although|Now|Then|Meanwhile|Here|There|Still|Also)\s+)+/u;

const cleanName = (name: string) => name.replace(/[’']s?$/, "").replace(/[.,]$/, "").trim();

/** Lines of a sentence: a credits box is one "sentence" of several "Label: value" lines. */
function linesOf(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    out.push({ text: line, offset });
    offset += line.length + 1;
  }
  return out;
}

function claimsOfSentence(sentence: { index: number; text: string }, publishedAt: string | null | undefined): ClaimMatch[] {
  const claims: ClaimMatch[] = [];
  const text = sentence.text;
  // "Release Date\nJune 6, 2025": a label on its own line is glued to its value.
  const lines = /^\s*release date\s*$/im.test(text) ? [{ text: text.replace(/(release date)\s*\n\s*/i, "$1: "), offset: 0 }] : linesOf(text);
  const quoteOf = (line: string) => (lines.length > 1 ? line.trim() : text.replace(/\s*\n\s*/g, " ").trim());
  const push = (kind: ClaimKind, value: string, display: string, line: string, subject: string, trigger = "") => {
    if (!claims.some((c) => c.kind === kind && c.value === value)) {
      claims.push({ kind, value, display, quote: quoteOf(line), sentenceIndex: sentence.index, subject: subject.trim(), trigger: trigger.trim() });
    }
  };

  for (const { text: line } of lines) {
    const dated = (at: number): string | null => {
      DATE_RE.lastIndex = at;
      const m = DATE_RE.exec(line);
      return m ? parseDate(m, publishedAt) : null;
    };
    // Cheap gates first: most lines state no fact at all.
    const hasDigit = /\d/.test(line);
    for (const pattern of hasDigit ? RELEASE_PATTERNS_ALL : []) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
        // A festival premiere ("premieres at Toronto on …") is not the release.
        if (/premiere/i.test(m[0]) && !/theat|cinema/i.test(m[0])) continue;
        const iso = dated(m.index + m[0].length);
        // The trigger may name the title: "Ironclad has moved Signal Fire … onto August 15".
        if (iso) push("release_date", iso, displayDate(iso), line, line.slice(0, m.index), m[0]);
      }
    }
    for (const pattern of /direct|helm/i.test(line) ? DIRECTOR_PATTERNS : []) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
        const name = cleanName(m[1]);
        // "The Director" is a character; "Director Jonah Teskey" a credit.
        if (/^(?:The|A|An)\s/.test(name)) continue;
        push("director", personKey(name), name, line, line.slice(0, m.index), m[0]);
      }
    }
    for (const pattern of hasDigit ? RUNTIME_PATTERNS : []) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
        DURATION_RE.lastIndex = m.index + m[0].length;
        const d = DURATION_RE.exec(line);
        const minutes = d ? minutesOf(d) : null;
        if (minutes !== null) push("runtime", String(minutes), `${minutes} min`, line, line.slice(0, m.index), m[0]);
      }
    }
    CAST_LIST.lastIndex = 0;
    for (let m = CAST_LIST.exec(line); m; m = CAST_LIST.exec(line)) {
      for (const part of m[1].split(/\s*(?:,|;|\band\b|&)\s*/)) {
        const name = cleanName(part.replace(/\([^)]*\)/g, "").replace(/^the late\s+/i, ""));
        if (new RegExp(`^${NAME}$`, "u").test(name)) push("cast", personKey(name), name, line, "");
      }
    }
    for (const pattern of CAST_CUE.test(line) ? CAST_PATTERNS : []) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
        const name = cleanName(m[1]).replace(LEADING_WORDS, "");
        if (!new RegExp(`^${NAME}$`, "u").test(name)) continue;
        push("cast", personKey(name), name, line, "");
      }
    }
  }
  return claims;
}

/** Every claim of a document, in sentence order (headline first). */
export function extractClaims(input: ClaimInput): ClaimMatch[] {
  const claims: ClaimMatch[] = [];
  const headline = input.headline?.trim();
  if (headline) {
    const year = HEADLINE_YEAR.exec(headline);
    if (year) claims.push({ kind: "year", value: year[1], display: year[1], quote: headline, sentenceIndex: null, subject: headline.slice(0, year.index).trim(), trigger: "" });
  }
  for (const sentence of input.sentences) claims.push(...claimsOfSentence(sentence, input.publishedAt));
  return claims;
}

const norm = (s: string) => personKey(s);

/**
 * Is the claim about the title? Yes when its subject or trigger names the title (or an alias), or
 * when the subject names nothing at all ("is set to hit theaters on …", "Release Date: …", "The
 * film opens …"). A subject that names something else ("With five months to go until John Wick:
 * Chapter 4 arrives") is about that other work. Cast claims have no subject and always count.
 */
export function claimIsAboutTitle(claim: Pick<ClaimMatch, "kind" | "subject" | "trigger">, titleNames: string[]): boolean {
  const subject = claim.subject.trim();
  if (claim.kind === "cast") return true;
  const hay = ` ${norm(`${subject} ${claim.trigger}`)} `;
  if (titleNames.some((name) => norm(name) && hay.includes(` ${norm(name)} `))) return true;
  // Capitalised words after the first word are names (the first is capitalised by position).
  const rest = subject.replace(/^\W*\S+/, "");
  return !/\p{Lu}/u.test(rest.replace(/\b(?:I|I'm|I’m)\b/g, ""));
}

/** Does a claimed value agree with the title's registered release date? null when it cannot tell. */
export function agreesWithRelease(kind: string, value: string, releaseDate: string | null): boolean | null {
  if (!releaseDate) return null;
  if (kind === "release_date") return value === releaseDate;
  if (kind === "year") return value === releaseDate.slice(0, 4);
  return null;
}
