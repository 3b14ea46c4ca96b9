// A realistic synthetic corpus for the benchmark: English reviews and articles of 300–1,500 words
// about many fictional films released over two years, written from templates and word lists, and
// deterministic from a seed (the same seed and count give the same bytes on every machine).
//
// What makes it realistic enough to measure the real pipeline:
// - pre-release coverage (casting, trailers, festival footage, hedged expectation) and reviews
//   after release, dated around each title's release, some dated only in the text, a few undated;
// - sentences that judge the work per aspect (action, cast, story, score…) mixed with plot
//   summary full of "murder" and "revenge", contrast ("While X, Y") and genre words;
// - scraper debris (boilerplate lines, a repeated paragraph) and ~1% syndicated copies, lightly
//   edited, that copy detection must catch.
// Slots vary every few words, so two documents about the same title share few 5-word shingles
// (copy detection compares those) unless one is a deliberate copy.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";

// --- Seeded randomness -----------------------------------------------------------------------

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; plenty for text generation. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    /** -1 or +1, +1 with probability p. */
    sign: (p: number) => (next() < p ? 1 : -1),
  };
}

type Random = ReturnType<typeof createRandom>;

// --- Word lists --------------------------------------------------------------------------------

const TITLE_ADJ = ["Glass", "Silent", "Crimson", "Hollow", "Iron", "Paper", "Velvet", "Northern", "Burning", "Quiet", "Broken", "Golden", "Lost", "Midnight", "Distant", "Wild", "Sunken", "Neon", "Pale", "Copper", "Frozen", "Salt", "Bitter", "Electric"];
const TITLE_NOUN = ["Harbor", "Orchard", "Signal", "Meridian", "Lantern", "Frontier", "Tide", "Garden", "Kingdom", "Horizon", "Circuit", "Cathedral", "Winter", "Canyon", "Archive", "Comet", "Mirror", "Engine", "Ballad", "Verdict", "Station", "Empire", "Reckoning", "Season"];
const FIRST = ["Ana", "Marcus", "Lena", "Tomas", "Priya", "Jonah", "Celia", "Ravi", "Ingrid", "Dario", "Maya", "Felix", "Noor", "Oscar", "Hana", "Theo", "Sofia", "Idris", "Greta", "Luca", "Zara", "Emil", "Nadia", "Caleb", "Yara", "Milo", "Ines", "Rafael", "Astrid", "Kofi"];
const LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Castellano", "Reyes", "Whitfield", "Brandt", "Takahashi", "Novak", "Ferreira", "Halloran", "Mbeki", "Sorensen", "Quinlan", "Adeyemi", "Kowalski", "Delacroix", "Hartmann", "Ishida", "Marchetti", "Oyelaran", "Petrov", "Santangelo", "Thorne", "Vasquez", "Whitaker", "Yilmaz", "Zeller", "Abernathy"];
const STUDIOS = ["Lionsgate", "Northlight Pictures", "Meridian Films", "A24", "Blue Ember Studios", "Paramount", "Harborline", "Focus Features", "Sable Entertainment", "Universal"];
const OUTLETS = ["Reel Pulse", "Backlot Bulletin", "Frame Rate Weekly", "The Screening Room", "Cutaway Magazine", "Marquee Daily", "Projector Notes", "Final Draft Review", "Popcorn Ledger", "Second Act", "The Film Stage Door", "Matinee Wire", "Dolly Zoom", "Slow Fade", "Box Office Beat", "Critics Circle Online", "Spool & Reel", "Wide Release", "Long Take Journal", "The Rushes"];
const GENRES = [
  { name: "action thriller", words: ["brutal", "relentless", "bone-crunching", "savage", "ferocious", "punishing"] },
  { name: "horror film", words: ["terrifying", "dread-soaked", "gruesome", "nightmarish", "unsettling", "grisly"] },
  { name: "science-fiction epic", words: ["vast", "cold", "cerebral", "eerie", "sprawling", "austere"] },
  { name: "crime drama", words: ["bleak", "gritty", "violent", "unflinching", "hard-edged", "merciless"] },
  { name: "revenge western", words: ["dusty", "unforgiving", "harsh", "bloody", "lean", "mean"] },
  { name: "war film", words: ["harrowing", "chaotic", "deafening", "grim", "visceral", "exhausting"] },
] as const;
const CITIES = ["Lisbon", "Marseille", "Reykjavik", "Naples", "Prague", "Tangier", "Montreal", "Busan", "Valparaiso", "Tbilisi", "Glasgow", "Osaka", "New Orleans", "Detroit", "Cape Town", "Budapest"];
const ROLES = ["former detective", "retired assassin", "grieving widow", "young ballet dancer", "disgraced surgeon", "getaway driver", "junior analyst", "lighthouse keeper", "smuggler", "war photographer", "ship's engineer", "small-town sheriff"];
const CRIMES = ["murdered her father", "burned down the family farm", "kidnapped his daughter", "betrayed the whole crew", "framed her for a killing", "wiped out the village", "stole the ledger", "left him for dead"];
const RESPONSES = ["sets out for revenge", "hunts the killers one by one", "goes to war with the syndicate", "vows to make them pay", "follows the trail across three countries", "turns the hunters into the hunted"];
const FESTIVALS = ["CinemaCon", "Sundance", "the Toronto festival", "SXSW", "Fantastic Fest", "Venice", "Comic-Con", "the Berlinale"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const INTENS = ["", "", "really ", "genuinely ", "remarkably ", "consistently ", "often ", "frankly ", "surprisingly ", "mostly "];
const WHEN = ["", "", "", " for most of its running time", " in the second act", " by the final reel", " from the opening minutes", " in its best stretches", " whenever it slows down", " in the big set pieces"];

const POS_ADJ = ["superb", "thrilling", "gorgeous", "inventive", "masterful", "riveting", "stunning", "electric", "terrific", "assured", "exhilarating", "beautifully judged"];
const NEG_ADJ = ["clumsy", "tedious", "muddled", "lifeless", "forgettable", "sloppy", "flat", "incoherent", "bland", "exhausting", "weightless", "poorly judged"];

const adj = (r: Random, p: number) => r.pick(p > 0 ? POS_ADJ : NEG_ADJ);

// --- Titles ------------------------------------------------------------------------------------

export interface BenchTitle {
  name: string;
  /** YYYY-MM-DD */
  release: string;
  aliases: string[];
  genre: (typeof GENRES)[number];
  director: string;
  lead: string;
  costar: string;
  composer: string;
  cinematographer: string;
  hero: string;
  villain: string;
  studio: string;
  runtime: number;
  /** How good the film turns out (-1..1) and how eager the pre-release coverage is. */
  quality: number;
  hype: number;
  /** Relative share of coverage: a few titles get much more than the rest. */
  weight: number;
}

const person = (r: Random) => `${r.pick(FIRST)} ${r.pick(LAST)}`;

/** Two calendar years of releases: 2024-01-01 … 2025-12-31. */
const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generateTitles(r: Random, count: number): BenchTitle[] {
  const names = new Set<string>();
  const titles: BenchTitle[] = [];
  while (titles.length < count) {
    const base = `${r.pick(TITLE_ADJ)} ${r.pick(TITLE_NOUN)}`;
    const name = r.chance(0.3) ? `The ${base}` : base;
    if (names.has(name.replace(/^The /, ""))) continue;
    names.add(name.replace(/^The /, ""));
    const releaseMs = START + r.int(60, 700) * DAY;
    const year = new Date(releaseMs).getUTCFullYear();
    titles.push({
      name,
      release: isoDay(releaseMs),
      aliases: [`${name} (${year})`],
      genre: r.pick(GENRES),
      director: person(r),
      lead: person(r),
      costar: person(r),
      composer: person(r),
      cinematographer: person(r),
      hero: r.pick(FIRST),
      villain: `${r.pick(["Viktor", "Mother", "the Director", "Silas", "Augustin", "the Chairman", "Dima", "Lucan"])}`,
      studio: r.pick(STUDIOS),
      runtime: r.int(88, 168),
      quality: r.next() * 2 - 1,
      hype: r.next() * 1.6 - 0.6,
      weight: 1 / (titles.length + 1) ** 0.7,
    });
  }
  return titles;
}

// --- Sentences ---------------------------------------------------------------------------------

interface Ctx {
  r: Random;
  t: BenchTitle;
  /** Probability that an evaluative sentence is favourable. */
  lean: number;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One judgement of one aspect, favourable (p > 0) or not. */
function aspectSentence({ r, t }: Ctx, p: number): string {
  const i = r.pick(INTENS);
  const w = r.pick(WHEN);
  switch (r.int(0, 9)) {
    case 0:
      return p > 0
        ? `The ${r.pick(["fight choreography", "stunt work", "hand-to-hand combat", "car chase", "shootout in the opera house", "knife fight on the ferry"])} is ${i}${adj(r, p)}${w}, staged with a clarity that lets you follow every blow.`
        : `The ${r.pick(["fight choreography", "action", "stunt work", "big chase", "climactic shootout"])} is ${i}${adj(r, p)}${w}, chopped into so many cuts that the geography is lost.`;
    case 1:
      return p > 0
        ? `${t.lead} is ${i}${adj(r, p)} as ${t.hero}, ${r.pick(["carrying the film on a look", "finding the grief under the anger", "selling every punch and every silence", "giving the role a wounded, wary intelligence"])}.`
        : `${t.lead} ${r.pick(["struggles", "seems lost", "is miscast", "never settles"])} as ${t.hero}, and the performance feels ${adj(r, p)}${w}.`;
    case 2:
      return p > 0
        ? `The ${r.pick(["screenplay", "script", "story"])} ${r.pick(["ties its threads together with real care", "earns its twists", "keeps its stakes personal", "trusts the audience"])}, and the dialogue is ${i}${adj(r, p)}.`
        : `The ${r.pick(["screenplay", "script", "plot"])} ${r.pick(["loses track of its own stakes", "leans on coincidence", "runs out of ideas", "explains everything twice"])}, and the dialogue is ${i}${adj(r, p)}.`;
    case 3:
      return p > 0
        ? `${t.cinematographer}'s cinematography is ${i}${adj(r, p)}, all ${r.pick(["sodium light and wet streets", "long shadows and hard blues", "wide frames and slow pans", "candlelit interiors"])}${w}.`
        : `${t.cinematographer}'s cinematography is ${i}${adj(r, p)}, ${r.pick(["murky where it should be precise", "a grey wash of digital haze", "too dark to read the action"])}.`;
    case 4:
      return p > 0
        ? `${t.composer}'s score is ${i}${adj(r, p)}, ${r.pick(["a pulse of low strings under every chase", "never telling you what to feel", "the best thing in the sound mix"])}.`
        : `${t.composer}'s score is ${i}${adj(r, p)}, ${r.pick(["wall-to-wall noise", "a generic drone", "hammering every emotion flat"])}${w}.`;
    case 5:
      return p > 0
        ? `${t.director} directs with ${r.pick(["real confidence", "a steady, patient hand", "a choreographer's eye", "wit and restraint"])}, and the ${r.pick(["direction", "filmmaking", "staging"])} is ${i}${adj(r, p)}.`
        : `${t.director}'s direction is ${i}${adj(r, p)}${w}, ${r.pick(["unsure whether to mourn or to thrill", "stuck between two tones", "content to copy better films"])}.`;
    case 6:
      return p > 0
        ? `At ${t.runtime} minutes, the pacing is ${i}${adj(r, p)}: it ${r.pick(["moves like a bullet", "never drags", "knows exactly when to breathe"])}.`
        : `At ${t.runtime} minutes, the pacing is ${i}${adj(r, p)}, and it ${r.pick(["drags badly", "sags in the middle", "feels twice as long"])}${w}.`;
    case 7:
      return p > 0
        ? `The ${r.pick(["world-building", "franchise lore", "expanded universe"])} is ${i}${adj(r, p)}, widening the mythology without drowning in it.`
        : `The ${r.pick(["franchise lore", "world-building", "mythology"])} is ${i}${adj(r, p)}, a pile of rules and references that slows everything.`;
    case 8:
      return p > 0
        ? `${t.costar}'s supporting turn is ${i}${adj(r, p)}, and the ${r.pick(["villain", "characters", "ensemble"])} feel lived-in${w}.`
        : `The ${r.pick(["villain", "characters", "supporting cast"])} are ${i}${adj(r, p)}, sketched rather than written${w}.`;
    default:
      return p > 0
        ? `The ${r.pick(["cameo", "surprise cameo", "return of an old face"])} is ${i}${adj(r, p)}, a treat for fans that never stops the story.`
        : `The ${r.pick(["cameo", "surprise cameo", "fan service"])} feels ${i}${adj(r, p)}, a wink that breaks the spell.`;
  }
}

/** Plot summary: violent words that describe the story, not the quality of the film. */
function plotSentence({ r, t }: Ctx): string {
  switch (r.int(0, 4)) {
    case 0:
      return `${t.hero}, a ${r.pick(ROLES)} in ${r.pick(CITIES)}, ${r.pick(RESPONSES)} after ${t.villain} ${r.pick(CRIMES)}.`;
    case 1:
      return `When ${t.villain} ${r.pick(CRIMES)}, ${t.hero} ${r.pick(RESPONSES)}, ${r.pick(["leaving a trail of bodies", "with nothing left to lose", "against the advice of everyone she trusts", "armed with a single name"])}.`;
    case 2:
      return `The story opens in ${r.pick(CITIES)}, ${r.int(2, 19)} years after ${r.pick(["the massacre", "the fire", "the heist", "the murder"])}, where ${t.hero} ${r.pick(["works nights", "hides under a new name", "trains in secret", "runs a failing bar"])}.`;
    case 3:
      return `${cap(t.villain)} ${r.pick(["sends a dozen killers after", "puts a bounty on", "kidnaps the brother of", "tortures an informant to find"])} ${t.hero}, and the ${r.pick(["bloodshed", "revenge", "violence", "carnage"])} escalates from there.`;
    default:
      return `In the ${genreOf(r, t)} tradition, the ${r.pick(["second act", "final hour", "climax", "middle stretch"])} ${r.pick(["moves to", "ends in", "is set in"])} a ${r.pick(["flooded casino", "snowbound monastery", "burning refinery", "night train", "derelict shipyard"])}.`;
  }
}

/** Facts and logistics: release, runtime, makers. */
function factSentence({ r, t }: Ctx): string {
  const d = new Date(`${t.release}T00:00:00Z`);
  const date = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  switch (r.int(0, 3)) {
    case 0:
      return `${t.studio} ${r.pick(["releases", "will release", "opens"])} ${t.name} in theaters on ${date}.`;
    case 1:
      return `${t.name} is directed by ${t.director} from a script by ${person(r)}, and runs ${t.runtime} minutes.`;
    case 2:
      return `The film was shot in ${r.pick(CITIES)} over ${r.int(7, 16)} weeks${r.pick(["", " in late 2022", " last spring", " on a modest budget"])}.`;
    default:
      return `${t.lead} stars alongside ${t.costar} and ${person(r)}, with music by ${t.composer}.`;
  }
}

/** Pre-release coverage: trailers, footage, excitement and hedged expectation. */
function hypeSentence({ r, t }: Ctx, p: number): string {
  switch (r.int(0, 7)) {
    case 0:
      return `The first trailer for ${t.name} dropped on ${r.pick(WEEKDAYS)}, and ${p > 0 ? r.pick(["it looks terrific", "fans are thrilled", "the response has been ecstatic", "it promises something special"]) : r.pick(["the reaction has been lukewarm", "it looks oddly generic", "fans are worried", "it gives away too much"])}.`;
    case 1:
      return `Early footage shown at ${r.pick(FESTIVALS)} ${p > 0 ? r.pick(["drew cheers from the room", "landed with a roar", "had attendees buzzing"]) : r.pick(["drew a muted response", "left the room cold", "raised more questions than it answered"])}.`;
    case 2:
      return p > 0
        ? `${r.pick(["Fans can't wait", "We can't wait", "Audiences can't wait"])} to see ${t.lead} ${r.pick(["in action", "lead a franchise", "take on the role"])}, and the ${genreOf(r, t)} buzz is ${r.pick(["deafening", "real", "growing every week"])}.`
        : `${r.pick(["Some fans are skeptical", "Not everyone is convinced", "The buzz has cooled"])} after ${r.pick(["the reshoots", "two delays", "a change of director", "a muddled marketing campaign"])}.`;
    case 3:
      return `${t.name} aims to live up to ${r.pick(["the franchise's reputation", "its director's last film", "a decade of expectation", "the hype"])}, but only time will tell whether it can ${r.pick(["stand on its own", "deliver", "justify the wait"])}.`;
    case 4:
      return `It is one of the ${r.pick(["most anticipated", "highly anticipated", "most talked-about"])} releases of ${t.release.slice(0, 4)}, ${p > 0 ? r.pick(["and the early signs are promising", "and it promises a lot"]) : r.pick(["though the delays are a worry", "whatever the doubts about its script"])}.`;
    case 5:
      return `${t.studio} ${r.pick(["can't risk", "cannot afford", "won't survive"])} another ${r.pick(["flop", "misfire", "expensive disappointment"])}, so a lot rides on ${t.name}.`;
    case 6:
      return `${t.director} told ${r.pick(OUTLETS)} that the ${r.pick(["action", "fight choreography", "stunt work", "score", "story"])} ${r.pick(["will blow people away", "took eighteen months to get right", "is the heart of the film", "was rebuilt in reshoots"])}.`;
    default:
      return `${r.pick(["Tickets go on sale", "Advance screenings begin", "The press tour starts", "The final trailer arrives"])} ${r.pick(["next week", "this month", "in the coming days", "before the premiere"])}, ${r.pick(["a sign of the studio's confidence", "earlier than usual", "with IMAX showings added", "according to the studio"])}.`;
  }
}

function contrastSentence(ctx: Ctx, p: number): string {
  const first = aspectSentence(ctx, -p).replace(/\.$/, "");
  const second = aspectSentence(ctx, p);
  return `While ${lowerFirst(first)}, ${lowerFirst(second)}`;
}

/** Lower-cases a sentence's first word for use mid-sentence, unless it is a name. */
function lowerFirst(sentence: string): string {
  return /^(The|At|It|In)\b/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}

function verdictSentence({ r, t }: Ctx, p: number): string {
  return p > 0
    ? `${r.pick(["Overall", "In the end", "All told", "Bottom line"])}, ${t.name} is ${r.pick(INTENS)}${r.pick(POS_ADJ)}: ${r.pick(["one of the best films of the year", "a sequel that earns its existence", "see it on the biggest screen you can", "the rare franchise entry that delivers"])}.`
    : `${r.pick(["Overall", "In the end", "All told", "Bottom line"])}, ${t.name} is ${r.pick(INTENS)}${r.pick(NEG_ADJ)}: ${r.pick(["a disappointment that wastes its cast", "wait for streaming", "a cynical cash grab", "it never earns its running time"])}.`;
}

// Genre words read as a fan reads them ("brutal" is praise in an action thriller).
function genreOf(r: Random, t: BenchTitle): string {
  return `${r.pick(t.genre.words)} ${t.genre.name}`;
}

// --- Documents ---------------------------------------------------------------------------------

export interface BenchRecord {
  title: string;
  kind: "review" | "article";
  date?: string;
  source: string;
  url: string;
  headline: string;
  text: string;
}

const BOILERPLATE = ["Leave a Reply", "Source link", "Related Posts:", "Share this:", "Click to share on Twitter (Opens in new window)", "Subscribe to our newsletter"];

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A document length in words, 300–1,500, skewed toward the shorter end (mean ≈ 820). */
function targetWords(r: Random): number {
  return 300 + Math.floor(1200 * r.next() ** 1.3);
}

function reviewParagraphs(ctx: Ctx, target: number): string[] {
  const { r } = ctx;
  const paragraphs: string[] = [];
  let count = 0;
  // Reviews open with the setup, then judge; the verdict comes last.
  const plot = [plotSentence(ctx), plotSentence(ctx), factSentence(ctx)];
  paragraphs.push(plot.join(" "));
  count += words(paragraphs[0]);
  while (count < target - 40) {
    const sentences: string[] = [];
    for (let i = r.int(3, 6); i > 0; i--) {
      const roll = r.next();
      const p = r.sign(ctx.lean);
      const s = roll < 0.55 ? aspectSentence(ctx, p) : roll < 0.72 ? plotSentence(ctx) : roll < 0.85 ? contrastSentence(ctx, p) : roll < 0.93 ? factSentence(ctx) : `The ${genreOf(r, ctx.t)} ${r.pick(["beats", "moments", "set pieces"])} are ${r.pick(ctx.t.genre.words)} in the way fans of the genre want.`;
      sentences.push(s);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    count += words(paragraph);
  }
  paragraphs.push(`${verdictSentence(ctx, r.sign(ctx.lean))} ${aspectSentence(ctx, r.sign(ctx.lean))}`);
  return paragraphs;
}

function articleParagraphs(ctx: Ctx, target: number): string[] {
  const { r } = ctx;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < target) {
    const sentences: string[] = [];
    for (let i = r.int(3, 6); i > 0; i--) {
      const roll = r.next();
      const p = r.sign(ctx.lean);
      sentences.push(roll < 0.45 ? hypeSentence(ctx, p) : roll < 0.65 ? factSentence(ctx) : roll < 0.85 ? plotSentence(ctx) : aspectSentence(ctx, p));
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    count += words(paragraph);
  }
  return paragraphs;
}

function headlineFor(r: Random, t: BenchTitle, kind: "review" | "article", lean: number): string {
  if (kind === "review") {
    return `${t.name} review: ${lean > 0.5 ? r.pick(["a thrilling return to form", "the year's best action", "believe the hype", "a knockout"]) : r.pick(["a messy misfire", "all style, no story", "not worth the wait", "a franchise running on fumes"])}`;
  }
  return r.pick([
    `${t.name} trailer: ${t.lead} goes to war`,
    `${t.name} footage wows ${r.pick(FESTIVALS)}`,
    `${t.name} holds its ${MONTHS[Number(t.release.slice(5, 7)) - 1]} date`,
    `Everything we know about ${t.name}`,
    `${t.director} on the reshoots behind ${t.name}`,
    `Can ${t.name} live up to the hype?`,
  ]);
}

function slugOf(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Documents, one at a time: O(1) memory apart from a few recent texts kept for syndicated copies. */
export function* generateCorpus(count: number, seed: number, titleCount = Math.max(4, Math.min(60, Math.ceil(count / 80)))): Generator<BenchRecord> {
  const r = createRandom(seed);
  const titles = generateTitles(createRandom(seed ^ 0x5eed), titleCount);
  const totalWeight = titles.reduce((s, t) => s + t.weight, 0);
  const recent = new Map<string, BenchRecord[]>();
  for (let n = 0; n < count; n++) {
    let w = r.next() * totalWeight;
    const t = titles.find((x) => (w -= x.weight) <= 0) ?? titles[titles.length - 1];
    const earlier = recent.get(t.name) ?? [];

    // ~1% are syndicated copies: another outlet re-runs a recent piece with one paragraph dropped.
    if (earlier.length > 0 && r.chance(0.01)) {
      const original = r.pick(earlier);
      const paragraphs = original.text.split("\n\n");
      if (paragraphs.length > 3) paragraphs.splice(r.int(1, paragraphs.length - 2), 1);
      const source = r.pick(OUTLETS);
      const date = original.date ? isoDay(Date.parse(original.date) + r.int(0, 3) * DAY) : undefined;
      yield { ...original, source, date, headline: `${original.headline} (via ${original.source})`, url: `https://${slugOf(source)}.example/syndicated/${n}`, text: paragraphs.join("\n\n") };
      continue;
    }

    const release = Date.parse(`${t.release}T00:00:00Z`);
    const kind: "review" | "article" = r.chance(0.45) ? "review" : "article";
    // Reviews from the embargo (a few days early) to two months after; articles from six months before to a month after.
    const day = kind === "review" ? release + r.int(-3, 60) * DAY : release - Math.floor(180 * r.next() ** 0.6) * DAY + (r.chance(0.15) ? r.int(0, 30) * DAY : 0);
    const lean = kind === "review" ? clamp01(0.5 + 0.45 * t.quality + (r.next() - 0.5) * 0.5) : clamp01(0.5 + 0.4 * t.hype + (r.next() - 0.5) * 0.5);
    const ctx: Ctx = { r, t, lean };
    const paragraphs = kind === "review" ? reviewParagraphs(ctx, targetWords(r)) : articleParagraphs(ctx, targetWords(r));
    // Scraper debris: a paragraph repeated, boilerplate after the text.
    if (r.chance(0.05)) paragraphs.splice(r.int(1, paragraphs.length), 0, paragraphs[0]);
    if (r.chance(0.2)) paragraphs.push(...Array.from({ length: r.int(1, 3) }, () => r.pick(BOILERPLATE)));
    const source = r.pick(OUTLETS);
    const dateStyle = r.next();
    // 90% dated in metadata, 6% only by a leading "date …" line in the text, 4% undated.
    const date = dateStyle < 0.9 ? isoDay(day) : undefined;
    const headline = headlineFor(r, t, kind, lean);
    let text = paragraphs.join("\n\n");
    if (dateStyle >= 0.9 && dateStyle < 0.96) text = `date ${isoDay(day)}\n${text}`;
    const record: BenchRecord = {
      title: t.name,
      kind,
      ...(date ? { date } : {}),
      source,
      url: `https://${slugOf(source)}.example/${kind === "review" ? "reviews" : "news"}/${isoDay(day).slice(0, 7)}/${slugOf(headline)}-${n}`,
      headline,
      text,
    };
    earlier.push(record);
    if (earlier.length > 20) earlier.shift();
    recent.set(t.name, earlier);
    yield record;
  }
}

function clamp01(x: number): number {
  return Math.min(0.97, Math.max(0.03, x));
}

/** The titles a corpus of `count` documents uses, as `npm run titles -- add` would register them. */
export function corpusTitles(count: number, seed: number, titleCount = Math.max(4, Math.min(60, Math.ceil(count / 80)))): BenchTitle[] {
  return generateTitles(createRandom(seed ^ 0x5eed), titleCount);
}

/** Writes `count` documents as JSONL (one record a line, ingestible as is). */
export async function writeCorpus(file: string, count: number, seed: number): Promise<{ documents: number; words: number; bytes: number }> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  let total = 0;
  let bytes = 0;
  for (const record of generateCorpus(count, seed)) {
    const line = `${JSON.stringify(record)}\n`;
    total += words(record.text);
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { documents: count, words: total, bytes };
}
