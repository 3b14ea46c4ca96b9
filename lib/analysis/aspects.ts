// Aspects: what part of a film or series a sentence talks about (its action, its cast, its score…).
// The taxonomy is data (ASPECTS); a sentence maps to zero or more aspects through
//  - vocabulary: words and phrases matched on the normal form, the lemma or the singular, with
//    hyphenated compounds matched across their hyphens ("set piece", "spin-off"), and
//  - token patterns in wink-nlp's bracket syntax over wink's POS tags and lemmas, for what a word
//    list cannot see ("Ana de Armas delivers …" is about a performance, "staged like ballet" is
//    fight staging).
// Two context rules keep the vocabulary honest: a word right after "like" is a comparison, not the
// topic ("fights staged like performances" is action, not acting), and a word used as a genre label
// ("action franchise", "action movie") is not the aspect.
//
// Why not wink's own custom entities: one wink instance has one entity automaton, learnt in one
// call, and its longest-match rule lets aspect patterns swallow the `nounPhrase` entities the
// keyphrase extractor reads (measured: "fight scenes" stopped being a noun phrase). A second
// instance would parse every document twice. So patterns keep wink's syntax and run here, over
// the token arrays the document already has, in O(tokens × patterns).
import type { Document } from "wink-nlp";
import { readDoc } from "./nlp";
import { extractPeople } from "./people";
import { readSentenceTokens, startsLine, type SentenceTokens } from "./sentenceTokens";

export const ASPECT_KEYS = [
  "action",
  "performances",
  "story",
  "characters",
  "visuals",
  "music",
  "direction",
  "pacing",
  "franchise",
  "cameos",
  "release",
  "marketing",
] as const;

export type AspectKey = (typeof ASPECT_KEYS)[number];

export interface AspectDefinition {
  key: AspectKey;
  label: string;
  description: string;
  /**
   * Lower-case words and phrases, matched on a token's normal form, lemma or singular; hyphens
   * and spaces are interchangeable ("set-piece" = "set piece"). An entry with capitals is a name
   * and matches the text exactly ("CinemaCon").
   */
  vocabulary: string[];
  /**
   * Token patterns in wink-nlp's bracket syntax: each [..] is one token matching any of its
   * |-separated alternatives (a UPOS tag in capitals, else a word matched like the vocabulary);
   * a trailing ? makes the token optional and + lets it repeat.
   */
  patterns: string[];
  /** A vocabulary hit followed by one of these words is a genre label, not the aspect. */
  notBefore?: string[];
}

const GENRE_HEADS = ["franchise", "genre", "movie", "film", "flick", "series", "star", "hero", "icon", "thriller", "fan", "comedy", "drama", "saga", "spin-off", "spinoff", "world", "universe", "director", "filmmaker", "veteran", "legend"];

export const ASPECTS: readonly AspectDefinition[] = [
  {
    key: "action",
    label: "Action & choreography",
    description: "Fights, stunts, set pieces and how they are staged, shot and cut.",
    vocabulary: [
      "action", "action-packed", "fight", "fighting", "fight scene", "fight sequence", "choreography", "choreographed",
      "choreographer", "stunt", "stuntwork", "stunt work", "stunt team", "combat", "hand-to-hand", "set piece", "setpiece",
      "shootout", "gunplay", "gun-fu", "gunfight", "firefight", "car chase", "chase", "brawl", "duel", "melee",
      "martial art", "kung fu", "swordplay", "knife fight", "mayhem", "carnage", "slambang", "high-octane", "bloodshed",
      "kill count", "body count", "action sequence", "action scene", "action choreography",
    ],
    patterns: [
      // "fights are staged like ballet", "the action is shot cleanly"
      "[stage|staged|choreograph|choreographed|shoot|shot|film|filmed] [like|as] [DET]? [ADJ]? [ballet|dance|opera|symphony|painting]",
    ],
    notBefore: GENRE_HEADS,
  },
  {
    key: "performances",
    label: "Performances & cast",
    description: "Acting, casting and the cast's work, including a named actor in a sentence about their acting.",
    vocabulary: [
      "performance", "performer", "acting", "actor", "actress", "cast", "casting", "ensemble", "ensemble cast",
      "portrayal", "chemistry", "screen presence", "charisma", "co-star", "star turn", "leading lady", "leading man",
      "supporting cast", "physicality", "role", "character actor", "newcomer", "starring", "co-starring", "star",
    ],
    patterns: [
      // A named actor (CAST: a person the document casts, see people.ts) doing the work:
      // "Ana de Armas delivers …", "Gabriel Byrne plays …", "Ana de Armas trained …".
      "[CAST]+ [AUX]? [ADV]? [play|deliver|give|portray|embody|shine|steal|sell|carry|anchor|command|nail|train|star|act|perform|inhabit|ground|reprise|join|lead|approach|prepare]",
      // Judged directly: "Anjelica Huston is chilling", "Ana de Armas is a strong lead".
      "[CAST]+ [be] [ADV]? [ADJ]",
      "[CAST]+ [be] [DET] [ADV]? [ADJ]? [ADJ]? [NOUN]? [lead|star|standout|revelation|presence|force|highlight|find|delight|joy]",
      // Casting: "starring Ana de Armas", "with Keanu Reeves coming back", "Ian McShane as Winston".
      "[starring|alongside|with|include|including] [CAST]",
      "[CAST]+ [as] [PROPN|DET]",
      "[CAST]+ ['s|’s|'|’] [ADJ]? [return|turn|work|presence|physicality|intensity|charisma|screen|casting|comeback]",
      "[played|portrayed|voiced] [by] [PROPN]",
    ],
  },
  {
    key: "story",
    label: "Story & screenplay",
    description: "Plot, script, dialogue, structure, twists, themes and tone.",
    vocabulary: [
      "story", "plot", "screenplay", "script", "writing", "narrative", "dialogue", "twist", "ending", "premise",
      "storyline", "subplot", "storytelling", "first act", "second act", "third act", "final act", "middle act", "theme",
      "tone", "plotting", "exposition", "structure", "story element", "revenge story", "predictable", "formulaic",
    ],
    patterns: [],
  },
  {
    key: "characters",
    label: "Characters",
    description: "Who the characters are: arcs, motives, depth, heroes and villains.",
    vocabulary: [
      "character", "protagonist", "antagonist", "villain", "hero", "heroine", "arc", "character arc", "backstory",
      "motivation", "character development", "character beat", "character-focused", "character-driven", "inner life",
      "lead character", "supporting character", "titular character", "titular role", "characterization",
    ],
    patterns: [],
  },
  {
    key: "visuals",
    label: "Visuals & cinematography",
    description: "Cinematography, framing, lighting, production design, effects and the look of the film.",
    vocabulary: [
      "cinematography", "cinematographer", "visual", "visuals", "visually", "imagery", "frame", "framing", "lighting",
      "color palette", "colour palette", "palette", "production design", "set design", "costume", "costume design",
      "vfx", "cgi", "effect", "special effect", "visual effect", "camera", "camerawork", "camera work", "photography",
      "shot", "landscape", "backdrop", "neon-noir", "aesthetic", "widescreen", "imax",
    ],
    patterns: [
      "[beautifully|gorgeously|stunningly|handsomely|elegantly|crisply|cleanly] [shot|lit|framed|photographed|filmed]",
      "[shot|lit|framed|photographed] [beautifully|gorgeously|stunningly|handsomely|elegantly|crisply|cleanly]",
    ],
  },
  {
    key: "music",
    label: "Music & score",
    description: "Score, soundtrack, songs and sound design.",
    vocabulary: [
      "score", "soundtrack", "music", "musical", "composer", "song", "needle drop", "sound design", "sound mix",
      "orchestral", "synth", "theme music",
    ],
    patterns: [],
  },
  {
    key: "direction",
    label: "Direction",
    description: "The director and the filmmaking: vision, control, craft behind the camera.",
    vocabulary: [
      "director", "direction", "directorial", "directing", "filmmaker", "filmmaking", "helm", "helming", "helmer",
      "auteur", "behind the camera", "vision", "craft", "craftsmanship", "writer-director",
    ],
    patterns: [
      "[directed|helmed] [by]",
      // "Len Wiseman's direction", "Jonah Teskey stages the scares"
      "[CREW]+ ['s|’s|'|’] [ADJ]? [touch|eye|handling|control|command|staging]",
      "[CREW]+ [AUX]? [ADV]? [stage|direct|helm|orchestrate|frame|shoot]",
    ],
  },
  {
    key: "pacing",
    label: "Pacing & length",
    description: "Pace, rhythm and runtime: whether it drags, rushes or earns its length.",
    vocabulary: [
      "pacing", "pace", "paced", "runtime", "running time", "run time", "length", "overlong", "bloated", "brisk",
      "sluggish", "meandering", "padded", "slog", "tedious", "rushed",
    ],
    patterns: [
      "[too|overly|so|far] [long|slow|short|rushed]",
      "[drag|drags|dragged|dragging]",
      "[NUM] [-]? [minute|minutes|hour|hours]",
    ],
  },
  {
    key: "franchise",
    label: "World-building & franchise",
    description: "The shared world, its lore and rules, and how the title fits its franchise.",
    vocabulary: [
      "franchise", "universe", "world-building", "worldbuilding", "lore", "mythology", "mythos", "canon", "continuity",
      "extended universe", "shared universe", "in-universe", "saga", "installment", "instalment", "prequel", "sequel",
      "parent series", "parent franchise", "legacy", "world",
    ],
    patterns: [],
    // "its world premiere" is an event, not the world of the film.
    notBefore: ["premiere", "record", "tour"],
  },
  {
    key: "cameos",
    label: "Cameos & connections",
    description: "Cameos, returning characters and links to the rest of the franchise.",
    vocabulary: [
      "cameo", "crossover", "easter egg", "callback", "nod", "tie-in", "connection", "appearance", "reprise", "return",
      "returning", "link", "linked", "linking", "team up", "team-up",
    ],
    patterns: [
      // "Ian McShane is back as Winston"
      "[CAST]+ [be] [back] [as]",
    ],
  },
  {
    key: "release",
    label: "Release & box office",
    description: "Release dates, theatrical runs, openings, grosses, tracking and word of mouth.",
    vocabulary: [
      "box office", "box-office", "gross", "grossed", "opening weekend", "weekend", "tracking", "release", "release date",
      "in theater", "in theatre", "in cinema", "hit theater", "theatrical release", "theatrical run", "ticket",
      "ticket sale", "CinemaScore", "word of mouth", "preview", "showtime", "streaming", "vod", "budget",
    ],
    patterns: ["[$|£|€] [NUM] [million|billion]"],
  },
  {
    key: "marketing",
    label: "Trailer & marketing",
    description: "Trailers, teasers, footage, posters, campaigns, convention panels and hype.",
    vocabulary: [
      "trailer", "teaser", "footage", "first look", "poster", "marketing", "campaign", "promo", "tv spot", "clip",
      "sneak peek", "hype", "buzz", "reel", "panel", "CinemaCon", "Comic-Con", "CCXP", "D23", "Super Bowl",
    ],
    patterns: [],
  },
];

const ASPECT_BY_KEY = new Map(ASPECTS.map((a) => [a.key, a]));

export function aspectDefinition(key: string): AspectDefinition | undefined {
  return ASPECT_BY_KEY.get(key as AspectKey);
}

export function isAspectKey(key: string): key is AspectKey {
  return ASPECT_BY_KEY.has(key as AspectKey);
}

/** Why a sentence got an aspect: the words that matched and whether a pattern or the vocabulary did. */
export interface AspectHit {
  aspect: AspectKey;
  cue: string;
  by: "vocabulary" | "pattern";
}

// --- compiled taxonomy --------------------------------------------------------------------------

interface Slot {
  tags: Set<string>;
  words: Set<string>;
  optional: boolean;
  repeat: boolean;
}

interface Pattern {
  aspect: AspectKey;
  source: string;
  slots: Slot[];
}

interface Phrase {
  aspect: AspectKey;
  /** Words after the first. */
  rest: string[];
  /** Names match the verbatim text, case and all. */
  exact: boolean;
}

// UPOS tags, plus the name tags people.ts puts on tokens (CAST, CREW, PERSON = any person, ORG).
const TAGS = new Set(["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "CAST", "CREW", "PERSON", "ORG"]);
const HYPHENS = new Set(["-", "–", "‐"]);

function compilePattern(aspect: AspectKey, source: string): Pattern {
  const slots = [...source.matchAll(/\[([^\]]+)\]([?+]?)/g)].map(([, body, mark]) => {
    const slot: Slot = { tags: new Set(), words: new Set(), optional: mark === "?", repeat: mark === "+" };
    for (const alt of body.split("|")) (TAGS.has(alt) ? slot.tags : slot.words).add(TAGS.has(alt) ? alt : alt.toLowerCase());
    return slot;
  });
  if (slots.length === 0) throw new Error(`Aspect pattern "${source}" (${aspect}) has no [token]: write it as "[WORD|TAG] [..]".`);
  return { aspect, source, slots };
}

/** Vocabulary indexed by first word; hyphens and spaces both split an entry into words. */
function compileVocabulary(): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  for (const aspect of ASPECTS) {
    for (const entry of aspect.vocabulary) {
      const exact = /\p{Lu}/u.test(entry);
      const [first, ...rest] = entry.split(/[\s\-–]+/).filter(Boolean);
      const key = exact ? first : first.toLowerCase();
      const list = index.get(key) ?? [];
      list.push({ aspect: aspect.key, rest: exact ? rest : rest.map((w) => w.toLowerCase()), exact });
      index.set(key, list);
    }
  }
  // Longest phrases first, so "fight scene" is reported before "fight".
  for (const list of index.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return index;
}

let compiled: { vocabulary: Map<string, Phrase[]>; patterns: Pattern[]; notBefore: Map<AspectKey, Set<string>> } | undefined;

function getCompiled() {
  compiled ??= {
    vocabulary: compileVocabulary(),
    patterns: ASPECTS.flatMap((a) => a.patterns.map((p) => compilePattern(a.key, p))),
    notBefore: new Map(ASPECTS.filter((a) => a.notBefore).map((a) => [a.key, new Set(a.notBefore)])),
  };
  return compiled;
}

// --- matching -----------------------------------------------------------------------------------

function isHyphenJoin(t: SentenceTokens, i: number): boolean {
  return HYPHENS.has(t.values[i]) && !t.spaced[i];
}

/** Does token i match word w (normal form, lemma or singular; or verbatim for names)? */
function tokenIs(t: SentenceTokens, i: number, w: string, exact: boolean): boolean {
  return exact ? t.values[i] === w : t.forms[i].includes(w);
}

/** Index of the token after the phrase starting at i, or -1. Unspaced hyphens may sit between words. */
function matchPhrase(t: SentenceTokens, i: number, end: number, phrase: Phrase): number {
  let j = i + 1;
  for (const word of phrase.rest) {
    if (j < end && isHyphenJoin(t, j)) j++;
    if (j >= end || !tokenIs(t, j, word, phrase.exact)) return -1;
    j++;
  }
  return j;
}

function slotMatches(t: SentenceTokens, i: number, slot: Slot): boolean {
  if (slot.tags.size > 0) {
    if (slot.tags.has(t.pos[i])) return true;
    const entity = t.entities?.[i];
    if (entity && (slot.tags.has(entity) || (slot.tags.has("PERSON") && entity !== "ORG"))) return true;
  }
  for (const form of t.forms[i]) if (slot.words.has(form)) return true;
  return false;
}

/** Token index after a match of slots[s..] starting at i, or -1 (backtracks over ? and +). */
function matchSlots(t: SentenceTokens, i: number, end: number, slots: Slot[], s: number): number {
  if (s === slots.length) return i;
  const slot = slots[s];
  if (i < end && slotMatches(t, i, slot)) {
    if (slot.repeat) {
      const more = matchSlots(t, i + 1, end, slots, s);
      if (more >= 0) return more;
    }
    const next = matchSlots(t, i + 1, end, slots, s + 1);
    if (next >= 0) return next;
  }
  return slot.optional ? matchSlots(t, i, end, slots, s + 1) : -1;
}

const SIMILE = new Set(["like", "akin"]);
/**
 * Words that only name the series after its name ("the John Wick franchise") or before a
 * possessive ("the franchise's stunt team"): a referent, not a theme.
 */
const REFERENTS = new Set(["franchise", "series", "saga", "movie", "film"]);

/** "staged like performances": the word after "like" is what the thing is compared with. */
function inSimile(t: SentenceTokens, i: number, first: number): boolean {
  for (let j = i - 1; j >= Math.max(first, i - 2); j--) {
    if (SIMILE.has(t.normals[j])) return true;
    if (t.pos[j] !== "DET" && t.pos[j] !== "ADJ") return false;
  }
  return false;
}

/** "the franchise's stunt team": the franchise owns the topic, it is not the topic. */
function isPossessive(t: SentenceTokens, j: number, end: number): boolean {
  return j < end && /^['’]s?$/.test(t.values[j]);
}

/** Is the word after a phrase (skipping hyphens) in the set, as written or in the singular? */
function nextWordIn(t: SentenceTokens, j: number, end: number, words: Set<string> | undefined): boolean {
  if (!words) return false;
  while (j < end && (isHyphenJoin(t, j) || t.types[j] === "spaces")) j++;
  return j < end && t.forms[j].some((f) => words.has(f));
}

/** The series' own name before "franchise" or "movies" ("the John Wick franchise") makes it a name for the series. */
function afterName(t: SentenceTokens, i: number, first: number): boolean {
  let j = i - 1;
  while (j >= first && /^['’]s?$/.test(t.values[j])) j--;
  return j >= first && t.pos[j] === "PROPN" && /^\p{Lu}/u.test(t.values[j]);
}

/**
 * A capitalised name that is not at the start of a line is a name, not the word: "The Director"
 * is a character, "Director: Len Wiseman" is a credit label.
 */
function isNameUse(t: SentenceTokens, i: number, first: number): boolean {
  return t.pos[i] === "PROPN" && /^\p{Lu}/u.test(t.values[i]) && !startsLine(t, i, first);
}

function surface(t: SentenceTokens, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) out += (i > from && t.spaced[i] ? " " : "") + t.values[i];
  return out;
}

/** Aspect hits of the tokens [first, end) of one sentence, in taxonomy order, one per aspect. */
export function matchAspects(t: SentenceTokens, first: number, end: number): AspectHit[] {
  const { vocabulary, patterns, notBefore } = getCompiled();
  const found = new Map<AspectKey, AspectHit>();
  for (let i = first; i < end; i++) {
    if (t.types[i] === "punctuation" || t.types[i] === "spaces" || t.types[i] === "tabCRLF") continue;
    let candidates: Phrase[] | undefined = vocabulary.get(t.values[i]);
    for (const form of t.forms[i]) {
      const more = vocabulary.get(form);
      if (more) candidates = candidates ? [...candidates, ...more] : more;
    }
    if (!candidates) continue;
    // The tail of a compound is not the word: "hard-fought" is not a fight, "Wick-style" not a style.
    if (i > first && isHyphenJoin(t, i - 1)) continue;
    if (inSimile(t, i, first)) continue;
    for (const phrase of candidates) {
      if (found.has(phrase.aspect)) continue;
      if (!phrase.exact && isNameUse(t, i, first)) continue;
      const after = matchPhrase(t, i, end, phrase);
      if (after < 0) continue;
      if (nextWordIn(t, after, end, notBefore.get(phrase.aspect))) continue;
      if (phrase.rest.length === 0 && t.forms[i].some((f) => REFERENTS.has(f)) && (afterName(t, i, first) || isPossessive(t, after, end))) continue;
      found.set(phrase.aspect, { aspect: phrase.aspect, cue: surface(t, i, after), by: "vocabulary" });
    }
  }
  for (const pattern of patterns) {
    if (found.has(pattern.aspect)) continue;
    for (let i = first; i < end; i++) {
      const after = matchSlots(t, i, end, pattern.slots, 0);
      if (after > i) {
        found.set(pattern.aspect, { aspect: pattern.aspect, cue: surface(t, i, after), by: "pattern" });
        break;
      }
    }
  }
  return ASPECT_KEYS.filter((k) => found.has(k)).map((k) => found.get(k)!);
}

/**
 * The aspect keys of every scored sentence of a parsed document, by sentence index. Set
 * `t.entities` from extractPeople first, or the [CAST]/[CREW] patterns find nothing.
 */
export function aspectsBySentence(t: SentenceTokens): AspectKey[][] {
  return t.sentences.map((s) => matchAspects(t, s.first, s.end).map((h) => h.aspect));
}

/** Aspects of a piece of text (all its sentences), with the cue behind each. */
export function explainAspects(text: string): AspectHit[] {
  const doc: Document = readDoc(text);
  const t = readSentenceTokens(doc, text);
  t.entities = extractPeople(t).tags;
  const hits = new Map<AspectKey, AspectHit>();
  for (const s of t.sentences) for (const h of matchAspects(t, s.first, s.end)) if (!hits.has(h.aspect)) hits.set(h.aspect, h);
  return ASPECT_KEYS.filter((k) => hits.has(k)).map((k) => hits.get(k)!);
}

/** Aspect keys of a sentence (or any text), in taxonomy order. */
export function aspectsOf(sentence: string): AspectKey[] {
  return explainAspects(sentence).map((h) => h.aspect);
}
