// People and organisations named in coverage: cast, crew, executives and studios.
//
// How names are found (per document):
//  1. Candidates are runs of capitalised proper nouns (wink-nlp POS = PROPN), with name particles
//     inside ("Ana de Armas", "Catalina Sandino Moreno"); a run stops at punctuation and line ends.
//     A run that glues two names ("Ana de Armas John Wick") is cut after the longest prefix the
//     document also uses on its own.
//  2. An organisation is a run ending in a company word ("Summit Entertainment", "Ironclad
//     Pictures") or a studio from STUDIOS ("Lionsgate").
//  3. A person needs evidence: a role cue next to the name somewhere in the document ("directed
//     by", "starring", "plays", "returns as", "Rooney (Ana de Armas)", "Cinematographer Paul
//     Cameron"), or a place in a comma list whose other members have one ("Ian McShane, Anjelica
//     Huston, and the late Lance Reddick"). Names right after "plays"/"as" or before "(Actor)"
//     are characters and never people. Without evidence, a capitalised run is a film, a place or
//     a heading ("Total Recall", "Big Set Pieces") and is left out.
//
// How names are merged: by a normalised key (lower case, accents and possessives stripped,
// punctuation dropped: "Ana De Armas" = "Ana de Armas" = "Ana de Armas’"); within a document a
// surname ("Wiseman", "de Armas") or a company's first word ("Ironclad") counts as a mention of
// the one full name it ends or starts, when exactly one does.
import type { SentenceTokens } from "./sentenceTokens";

/**
 * "unconfirmed": a multi-word proper name with no role cue in this document. It is stored so that
 * its mentions count once another document confirms it (a cue there makes it a person), and it
 * is never shown while unconfirmed: most such names are films, places or headings.
 */
export type PersonKind = "person" | "organization" | "unconfirmed";
/** What the cues say a person does: acts, makes the film, or speaks for it (executives, press). */
export type PersonRole = "cast" | "crew" | "other";

export interface PersonMention {
  key: string;
  /** The fullest form as written most often. */
  name: string;
  kind: PersonKind;
  role: PersonRole | null;
  /** Occurrences, surname mentions included. */
  mentions: number;
  /** Indices of the sentences that name them (each once). */
  sentences: number[];
}

/** Token-level tags for other extractors' patterns: CAST, CREW, PERSON (other role) or ORG. */
export type EntityTag = "CAST" | "CREW" | "PERSON" | "ORG";

export interface PeopleResult {
  people: PersonMention[];
  /** One entry per token of the document: the tag of the name it belongs to, or null. */
  tags: (EntityTag | null)[];
}

const PARTICLES = new Set(["de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "dos", "das", "y", "st."]);
const ORG_SUFFIXES = new Set([
  "entertainment", "films", "film", "pictures", "productions", "production", "studios", "studio", "media", "animation",
  "features", "releasing", "distribution", "television", "tv", "network", "networks", "company", "group", "inc", "llc", "ltd",
]);
/** Studios and distributors known by one word. */
export const STUDIOS = new Set([
  "lionsgate", "netflix", "disney", "paramount", "universal", "warner", "sony", "a24", "neon", "amazon", "mgm", "apple",
  "pixar", "marvel", "lucasfilm", "searchlight", "legendary", "blumhouse", "dreamworks", "miramax", "hbo", "hulu", "peacock",
  "summit", "columbia", "focus", "annapurna", "imax", "max", "mubi", "stx", "stxfilms", "amblin",
]);
// A role word in front of a name: a cue, not part of the name ("Cinematographer Paul Cameron").
const CREW_TITLES = new Set(["director", "writer", "screenwriter", "producer", "composer", "cinematographer", "filmmaker", "editor", "showrunner", "creator", "helmer", "writer-director"]);
const CAST_TITLES = new Set(["actor", "actress", "star", "co-star", "newcomer"]);
// Not "chief" or "head": "the station chief Ruth Calder" is a character.
const OTHER_TITLES = new Set(["chair", "chairman", "chairwoman", "president", "ceo", "executive", "analyst", "critic"]);

// Cues are read on the words as written: "Explained" in a heading is not a quote, "as the Director"
// names a character while "as its director" names a job.
const PRE_CAST = /(?:^|\s)(?:starring|co-starring|(?:stars|cast|actors)(?: such as| including| like)?|star|actor|actress|co-star|alongside|played by|portrayed by|voiced by|newcomer|the late)\s*:?\s*$/i;
const PRE_CREW = /(?:^|\s)(?:directed by|written by|produced by|score by|music by|composed by|shot by|edited by|created by|director|writer|screenwriter|writer - director|producer|composer|cinematographer|filmmaker|helmer|editor|showrunner|creator)\s*:?\s*$/i;
const PRE_OTHER = /(?:^|\s)(?:chair|chairman|chairwoman|president|CEO|executive|analyst|critic)\s*:?\s*$/;
const POST_CAST = /^(?:['’]s?\s+)?(?:\(\s*cameo\s*\)|plays|played|playing|(?:will|is set to|to) (?:play|star|return|lead|reprise)|stars as|starred as|returns|returned|return|reprises|reprised|delivers|delivered|gives|gave|portrays|portrayed|shines|leads|appears|appeared|cameo|co-stars|joins|joined|is chilling|trained|as (?:the )?\p{Lu})/u;
const POST_CREW = /^(?:['’]s?\s+)?(?:directs|directed|directing|wrote|writes|produces|produced|producing|helms|helmed|directorial|direction|script|score|as (?:its |a |an |the )?(?:director|producer|writer|composer)\b)/;
const POST_OTHER = /^(?:said|says|told|explained|confirmed|added|noted|announced)\b/;
// "plays Marius Kravchenko", "as Winston", "return as John Wick": a character, not a person.
const PRE_CHARACTER = /(?:^|\s)(?:plays|played|playing|portrays|portrayed|as|named)\s*$/;
const NOT_CHARACTER = /(?:such as|as well as|known as|same as)\s*$/;
const LIST_GLUE = new Set([",", "and", "&", "the", "late", "(", ")", "cameo"]);

/** The merge key of a name: lower case, no accents, no possessive, letters and digits only. */
export function personKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’']s?\b/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Run {
  sentence: number;
  /** Token range [start, end). */
  start: number;
  end: number;
  key: string;
  surface: string;
}

const isCapitalised = (v: string) => /^\p{Lu}/u.test(v);
const CONTINUES_NAME = new Set(["NOUN", "VERB", "ADJ"]);
const isBreak = (t: SentenceTokens, i: number) => t.types[i] === "tabCRLF" || (t.types[i] === "spaces" && t.values[i].includes("\n"));

function isNameToken(t: SentenceTokens, i: number): boolean {
  if (t.pos[i] === "PROPN" && isCapitalised(t.values[i])) return true;
  // "87Eleven Productions": wink reads "87" and "Eleven" as numbers.
  return t.pos[i] === "NUM" && /^\d+$/.test(t.values[i]) && i + 1 < t.values.length && !t.spaced[i + 1] && isCapitalised(t.values[i + 1]);
}

function surfaceOf(t: SentenceTokens, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) out += (i > start && t.spaced[i] ? " " : "") + t.values[i];
  return out;
}

/**
 * No name is longer than this many tokens; a longer capitalised run is a Title Case heading or a
 * list without commas. Capping it also keeps splitGlued linear: it tries every cut of a run, so a
 * hostile 100,000-token run took minutes (tests/unit/analysis-fuzz.test.ts).
 */
const MAX_NAME_TOKENS = 12;

/** Proper-noun runs of one sentence; leading role words are cut off (they are cues, not names). */
function sentenceRuns(t: SentenceTokens, sentence: number, first: number, end: number): Run[] {
  const runs: Run[] = [];
  let i = first;
  while (i < end) {
    if (!isNameToken(t, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && !isBreak(t, j)) {
      // wink tags rare surnames as verbs or nouns ("Amara Welling"): inside a name, a capital is enough.
      if (isNameToken(t, j) || (t.types[j] === "number" && !t.spaced[j]) || (isCapitalised(t.values[j]) && CONTINUES_NAME.has(t.pos[j]))) j++;
      else if (PARTICLES.has(t.normals[j]) && j + 1 < end && isNameToken(t, j + 1)) j++;
      else break;
    }
    if (j - i > MAX_NAME_TOKENS) {
      i = j;
      continue;
    }
    let start = i;
    while (start < j - 1 && (CREW_TITLES.has(t.normals[start]) || CAST_TITLES.has(t.normals[start]) || OTHER_TITLES.has(t.normals[start]) || t.normals[start] === "the")) start++;
    const surface = surfaceOf(t, start, j);
    runs.push({ sentence, start, end: j, key: personKey(surface), surface });
    i = j;
  }
  return runs;
}

const words = (key: string) => (key ? key.split(" ") : []);
const isOrgKey = (key: string) => {
  const w = words(key);
  return (w.length >= 2 && ORG_SUFFIXES.has(w[w.length - 1])) || (w.length === 1 && STUDIOS.has(w[0])) || (w.length === 2 && w[0] === "warner" && w[1] === "bros");
};

/** Cut "Ana de Armas John Wick" after the longest prefix used on its own elsewhere. */
function splitGlued(t: SentenceTokens, runs: Run[]): Run[] {
  const standalone = new Set(runs.map((r) => r.key));
  return runs.flatMap((run) => {
    if (run.end - run.start < 3) return [run];
    for (let cut = run.end - 1; cut > run.start + 1; cut--) {
      const head = personKey(surfaceOf(t, run.start, cut));
      if (!standalone.has(head)) continue;
      const make = (s: number, e: number): Run => ({ sentence: run.sentence, start: s, end: e, surface: surfaceOf(t, s, e), key: personKey(surfaceOf(t, s, e)) });
      return cut < run.end ? [make(run.start, cut), make(cut, run.end)] : [make(run.start, cut)];
    }
    return [run];
  });
}

/** The words as written around a name, one space between tokens. */
function context(t: SentenceTokens, from: number, to: number): string {
  const out: string[] = [];
  for (let i = Math.max(0, from); i < Math.min(t.values.length, to); i++) {
    if (t.types[i] === "spaces" || t.types[i] === "tabCRLF") continue;
    out.push(t.values[i]);
  }
  return out.join(" ");
}

interface Evidence {
  role: PersonRole | null;
  character: boolean;
}

/** Role cues right around one occurrence, and whether the occurrence names a character. */
function cuesOf(t: SentenceTokens, run: Run, sentenceFirst: number): Evidence {
  const pre = context(t, Math.max(sentenceFirst, run.start - 4), run.start);
  const post = context(t, run.end, run.end + 5);
  // A role word cut off the front of the run ("Director Jonah Teskey").
  const title = run.start > 0 ? t.normals[run.start - 1] : "";
  let role: PersonRole | null = null;
  if (PRE_CAST.test(pre) || POST_CAST.test(post) || CAST_TITLES.has(title) || (pre.endsWith("(") && post.startsWith(")"))) role = "cast";
  else if (PRE_CREW.test(pre) || POST_CREW.test(post) || CREW_TITLES.has(title)) role = "crew";
  else if (PRE_OTHER.test(pre) || POST_OTHER.test(post) || OTHER_TITLES.has(title)) role = "other";
  // "Rooney (Ana de Armas)": the name before the actor in brackets is the character.
  const beforeActor = /^\( (?!cameo\b|via\b|of\b)\p{Lu}/u.test(post);
  // "Ruth Calder, played by Amara Welling": the name before "played by" is the character.
  const playedBy = /^,?\s*(?:played|portrayed|voiced) by\b/.test(post);
  const character = (PRE_CHARACTER.test(pre) && !NOT_CHARACTER.test(pre)) || beforeActor || playedBy;
  return { role, character };
}

const ROLE_RANK: Record<PersonRole, number> = { cast: 3, crew: 2, other: 1 };

/** People and organisations of a parsed document (see the module comment for the rules). */
export function extractPeople(t: SentenceTokens): PeopleResult {
  const runs = splitGlued(
    t,
    t.sentences.flatMap((s, index) => sentenceRuns(t, index, s.first, s.end)),
  ).filter((r) => r.key.length > 1);

  // Evidence per key, over all occurrences.
  const roles = new Map<string, PersonRole>();
  const characters = new Set<string>();
  for (const run of runs) {
    const { role, character } = cuesOf(t, run, t.sentences[run.sentence].first);
    if (character) characters.add(run.key);
    if (role && words(run.key).length >= 2 && (!roles.has(run.key) || ROLE_RANK[role] > ROLE_RANK[roles.get(run.key)!])) roles.set(run.key, role);
  }
  for (const key of characters) roles.delete(key);

  // Comma lists: members of a list with a known person are people too, in the same role.
  for (let pass = 0; pass < 2; pass++) {
    for (const list of commaLists(t, runs)) {
      const known = list.map((r) => roles.get(r.key)).filter((r): r is PersonRole => !!r);
      if (known.length === 0) continue;
      const role = known.sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a])[0];
      for (const r of list) if (!roles.has(r.key) && !characters.has(r.key) && !isOrgKey(r.key) && words(r.key).length >= 2) roles.set(r.key, role);
    }
  }

  const orgs = new Set(runs.filter((r) => isOrgKey(r.key)).map((r) => r.key));
  const full = [...roles.keys(), ...orgs];
  const tags: (EntityTag | null)[] = new Array(t.values.length).fill(null);
  const tallies = new Map<string, { mentions: number; sentences: Set<number>; surfaces: Map<string, number> }>();

  for (const run of runs) {
    const key = resolve(run.key, roles, orgs, full) ?? (isCandidate(t, run, characters) ? run.key : null);
    if (!key) continue;
    const tally = tallies.get(key) ?? { mentions: 0, sentences: new Set<number>(), surfaces: new Map<string, number>() };
    tally.mentions++;
    tally.sentences.add(run.sentence);
    if (run.key === key) tally.surfaces.set(run.surface, (tally.surfaces.get(run.surface) ?? 0) + 1);
    tallies.set(key, tally);
    const role = roles.get(key);
    const tag: EntityTag | null = orgs.has(key) && !role ? "ORG" : role === "cast" ? "CAST" : role === "crew" ? "CREW" : role ? "PERSON" : null;
    for (let i = run.start; i < run.end; i++) tags[i] = tag;
  }

  const people: PersonMention[] = [...tallies].map(([key, tally]) => {
    let name = key;
    let best = 0;
    for (const [surface, n] of tally.surfaces) if (n > best) [name, best] = [surface, n];
    const organization = orgs.has(key) && !roles.has(key);
    return {
      key,
      name: name.replace(/[’']s?$/, ""),
      kind: organization ? "organization" : roles.has(key) ? "person" : "unconfirmed",
      role: organization ? null : roles.get(key) ?? null,
      mentions: tally.mentions,
      sentences: [...tally.sentences].sort((a, b) => a - b),
    };
  });
  people.sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
  return { people, tags };
}

/** A multi-word name with no cue here, worth keeping until another document confirms it. */
function isCandidate(t: SentenceTokens, run: Run, characters: Set<string>): boolean {
  if (words(run.key).length < 2 || words(run.key).length > 4 || characters.has(run.key)) return false;
  // "John Wick: Chapter 4", "Release Date:": titles and labels.
  return !(run.end < t.values.length && t.values[run.end] === ":");
}

/** The full name or organisation a run refers to: itself, a surname's owner or a company's first word. */
function resolve(key: string, roles: Map<string, PersonRole>, orgs: Set<string>, full: string[]): string | null {
  if (roles.has(key) || orgs.has(key)) return key;
  const owners = full.filter((f) => f !== key && (f.endsWith(` ${key}`) || (orgs.has(f) && f.startsWith(`${key} `))));
  return owners.length === 1 ? owners[0] : null;
}

/** Runs of one sentence joined only by commas, "and", "the late" or "(cameo)". */
function commaLists(t: SentenceTokens, runs: Run[]): Run[][] {
  const lists: Run[][] = [];
  let current: Run[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const prev = current[current.length - 1];
    let joined = !!prev && prev.sentence === run.sentence && run.start > prev.end;
    if (joined) {
      let hasComma = false;
      for (let i = prev.end; i < run.start; i++) {
        if (t.types[i] === "spaces" || t.types[i] === "tabCRLF") continue;
        if (!LIST_GLUE.has(t.normals[i])) {
          joined = false;
          break;
        }
        if (t.normals[i] === "," || t.normals[i] === "and" || t.normals[i] === "&") hasComma = true;
      }
      joined &&= hasComma;
    }
    if (!joined) {
      if (current.length >= 2) lists.push(current);
      current = [];
    }
    current.push(run);
  }
  if (current.length >= 2) lists.push(current);
  return lists;
}
