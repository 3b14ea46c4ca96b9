// Word lists a film critic reads differently from a general-purpose sentiment lexicon.
// All entries are wink-nlp normals (lower case, contractions expanded: "can't" → "can not").

/**
 * Words that are dark in general English but praise (or neutral) in action, horror and
 * thriller coverage: "brutal fight scenes", "relentless", "savage". A general model trained
 * on reviews of every genre leans negative on them; the rules never let them count against
 * the work, and give a small lift when they describe the craft ("brutal choreography").
 */
export const GENRE_INTENSITY_WORDS: ReadonlySet<string> = new Set([
  "brutal", "brutally", "brutality", "relentless", "relentlessly", "savage", "savagely",
  "dark", "darker", "darkest", "darkly", "grim", "grimly", "bloody", "blood-soaked", "gory",
  "gore", "visceral", "violent", "violence", "vicious", "ferocious", "gritty", "bleak",
  "harrowing", "terrifying", "scary", "creepy", "disturbing", "unsettling", "menacing",
  "sinister", "chilling", "nasty", "ruthless", "merciless", "punishing", "bone-crunching",
  "hard-hitting", "intense", "carnage", "mayhem", "lethal", "deadly", "cold-blooded",
  "unflinching", "frightening", "nightmarish", "hardcore", "raw", "twisted",
]);

/** Parts of the craft that genre intensity words praise when they modify them. */
export const CRAFT_NOUNS: ReadonlySet<string> = new Set([
  "action", "fight", "fights", "fighting", "scene", "scenes", "sequence", "sequences", "set",
  "choreography", "stunt", "stunts", "combat", "shootout", "shootouts", "chase", "chases",
  "thriller", "horror", "tone", "atmosphere", "style", "thrills", "kills", "violence",
  "set-pieces", "setpieces", "pieces", "finale", "climax", "gunplay", "gun-fu", "battles",
  "battle", "duel", "duels", "ride", "entertainment", "spectacle", "energy", "pace",
]);

/**
 * Criticism of the work in any genre. A review-trained model already leans negative on most,
 * but short snippets give it little else to go on, so the rules guarantee they pull down.
 */
export const CRITICISM_WORDS: ReadonlySet<string> = new Set([
  "predictable", "formulaic", "underwhelming", "bloated", "overlong", "overstuffed",
  "derivative", "cliched", "clichéd", "cliché", "cliche", "cliches", "clichés", "forgettable",
  "tedious", "tiresome", "boring", "dull", "bland", "lifeless", "plodding", "sluggish",
  "meandering", "uneven", "incoherent", "muddled", "convoluted", "clunky", "wooden",
  "timid", "toothless", "confused", "overbearing", "choppy", "telegraphed", "repetitive",
  "recycled", "clumsy", "shameless", "airless", "chore", "underwritten", "listless", "inert",
  "tepid", "limp", "flimsy", "hokey", "corny", "preachy", "heavy-handed", "ham-fisted",
  "incomprehensible", "unfocused", "joyless", "humorless", "humourless", "charmless",
  "witless", "awful", "terrible", "dreadful", "atrocious", "unwatchable", "worst", "waste",
  "stilted", "hackneyed", "trite", "generic", "uninspired", "unoriginal", "lackluster",
  "lacklustre", "mediocre", "disappointing", "disappointment", "pointless", "mess", "messy",
  "shallow", "soulless", "hollow", "overrated", "pretentious", "tired", "stale", "flat",
  "contrived", "overwrought", "laughable", "cheesy", "cringeworthy", "cringe", "bore",
  "snooze", "misfire", "letdown", "dud", "drags", "dragged", "unfunny", "overblown",
  "overacted", "overacting", "tonally", "underdeveloped", "paper-thin", "thin",
]);

/**
 * Unambiguous praise of a work. Like CRITICISM_WORDS, the rules guarantee these pull up
 * (and pull down when negated: "hardly a masterpiece"). Mild or ambiguous words ("good",
 * "fun", "like") are left to the model, which knows how often they come with a "but".
 */
export const PRAISE_WORDS: ReadonlySet<string> = new Set([
  "excellent", "superb", "brilliant", "brilliantly", "masterpiece", "masterful", "masterfully",
  "masterclass", "stunning", "stunningly", "gorgeous", "mesmerizing", "mesmerising",
  "captivating", "compelling", "gripping", "riveting", "unforgettable", "outstanding",
  "terrific", "wonderful", "wonderfully", "fantastic", "superbly", "flawless", "spectacular",
  "breathtaking", "dazzling", "electrifying", "exhilarating", "triumph", "triumphant", "gem",
  "delightful", "heartfelt", "engrossing", "immersive", "phenomenal", "extraordinary",
  "sublime", "magnificent", "glorious", "exquisite", "exquisitely", "luminous",
  "sensational", "spellbinding", "enthralling", "immaculate", "knockout", "revelation",
  "must-see", "unmissable", "crowd-pleaser", "crowd-pleasing", "thrilling", "masterstroke",
  "career-best", "beautifully", "lush", "inventive", "witty", "charming",
  "heartbreaking", "tender", "joyful", "exciting", "entertaining", "enjoyable",
  "impressive", "remarkable", "memorable", "powerful", "haunting", "poetic", "evocative",
  "electric", "magnetic", "lovely", "astonishing", "amazing", "awesome",
  "incredible", "superior", "finest", "greatest", "talented", "stellar", "worthy",
]);

/**
 * Judgment vocabulary: a sentence with one of these (outside a plot narration) judges the work.
 * Polarity still comes from the model; this list only decides "evaluative".
 */
export const JUDGMENT_WORDS: ReadonlySet<string> = new Set([
  // praise
  "good", "great", "greatest", "excellent", "superb", "brilliant", "brilliantly", "masterpiece",
  "masterful", "masterfully", "masterclass", "stunning", "stunningly", "gorgeous", "beautiful",
  "beautifully", "mesmerizing", "mesmerising", "captivating", "compelling", "gripping",
  "engaging", "entertaining", "enjoyable", "fun", "thrilling", "exciting", "riveting",
  "powerful", "moving", "haunting", "poetic", "unforgettable", "memorable", "impressive",
  "impressively", "remarkable", "outstanding", "terrific", "wonderful", "fantastic", "amazing",
  "awesome", "perfect", "perfectly", "flawless", "solid", "strong", "stellar", "spectacular",
  "breathtaking", "dazzling", "electrifying", "exhilarating", "inventive", "clever", "smart",
  "witty", "funny", "hilarious", "charming", "delightful", "heartfelt", "touching", "affecting",
  "evocative", "elegant", "graceful", "stylish", "slick", "polished", "well-crafted",
  "well-made", "well-acted", "well-written", "nuanced", "layered", "assured", "confident",
  "accomplished", "ambitious", "bold", "fresh", "original", "refreshing", "worthy", "worth",
  "recommend", "recommended", "must-see", "triumph", "gem", "treat", "delight", "joy",
  "standout", "shines", "shine", "shone", "excels", "elevates", "delivers", "nails",
  "succeeds", "works", "best", "better", "finest", "favorite", "favourite", "loved", "enjoyed",
  "liked", "admire", "admired", "appreciated", "satisfying", "rewarding", "engrossing",
  "absorbing", "immersive", "thoughtful", "intelligent", "visually", "unmissable",
  "jaw-dropping", "edge-of-your-seat", "white-knuckle", "white-knuckling", "pulse-pounding",
  "adrenaline-fueled", "crowd-pleaser", "crowd-pleasing", "iconic", "talented",
  "breathless", "stunned", "phenomenal", "incredible", "extraordinary", "sublime", "superior",
  "magnificent", "majestic", "glorious", "wondrous", "vivid", "kinetic", "balletic",
  "virtuosic", "seamless", "crisp", "sharp", "tight", "taut", "efficient", "genuinely",
  "emotional", "resonant", "grounded", "believable", "convincing", "committed",
  // criticism
  "bad", "worse", "worst", "awful", "terrible", "horrible", "dreadful", "atrocious", "poor",
  "poorly", "weak", "weakest", "lame", "stupid", "silly", "dumb", "ridiculous", "annoying",
  "irritating", "painful", "unwatchable", "waste", "wasted", "garbage", "trash", "rubbish",
  "crap", "junk", "disaster", "failure", "fails", "failed", "fail", "flop", "lacks", "lacking",
  "hated", "disliked", "avoid", "skip", "regret", "embarrassing", "amateurish", "sloppy",
  "lazy", "cheap", "unconvincing", "unbelievable", "implausible", "nonsensical", "confusing",
  "boredom", "bored", "yawn", "overrated", "underrated", "unfortunately", "sadly",
  "disappointed", "worthless", "insulting", "offensive", "excruciating", "interminable",
  "unbearable", "insufferable", "forced", "awkward", "inept", "incompetent",
  "overbearing", "choppy", "telegraphed", "repetitive", "recycled", "clumsy", "distracting",
  "shameless", "nonexistent", "confused", "confusing", "timid", "toothless", "exhausting",
  "airless", "chore", "empty", "underwritten", "misjudged", "grating", "listless", "inert",
  "tepid", "limp", "flimsy", "hokey", "corny", "schmaltzy", "saccharine", "sappy", "mawkish",
  "preachy", "heavy-handed", "ham-fisted", "incomprehensible", "unfocused", "rushed",
  "unearned", "hollow", "joyless", "humorless", "humourless", "charmless", "witless",
  "immaculate", "lush", "electric", "knockout", "revelation", "wise", "tender",
  "heartbreaking", "rich", "detailed", "skill", "skilful", "skillful", "skillfully",
  "magnetic", "lovely", "joyful", "exquisite", "exquisitely", "luminous", "radiant",
  "sensational", "spellbinding", "enthralling", "transfixing", "propulsive", "nimble",
  "deft", "deftly", "sure-footed", "confidently", "precise", "precision", "masterstroke",
  "career-best", "wonderfully", "gloriously", "superbly", "beautifully", "hilariously",
  "tense", "suspenseful", "scariest", "creepiest", "unhinged", "gleefully", "exhilarating",
  "deserve", "deserves", "deserved", "earns", "earned", "insult", "insults", "misfires",
  ...CRITICISM_WORDS,
  ...PRAISE_WORDS,
]);

/** Multi-word judgments (normals joined by a space). */
export const JUDGMENT_PHRASES: readonly string[] = [
  "falls flat", "fall flat", "fell flat", "misses the mark", "miss the mark", "a must",
  "must see", "must-watch", "worth watching", "worth seeing", "worth the", "waste of",
  "edge of my seat", "edge of your seat", "on the edge of", "blew me away", "blown away",
  "hats off", "two thumbs", "thumbs up", "thumbs down", "out of 10", "out of ten",
  "out of 5", "out of five", "/10", "stars", "highly recommend", "do not bother",
  "not worth", "could have been", "should have been", "tries too hard", "goes nowhere",
  "falls apart", "comes alive", "comes together", "pays off", "paid off", "hit the mark",
  "hits the mark", "hits hard", "lands", "a cut above", "not just a", "is an evolution",
  "hungry for more", "leaves you", "left me", "kept me", "keeps you",
  "go see it", "see it", "rush out", "save your money", "skip it", "skip this",
  "life is too short", "leave it on the shelf", "make it this one", "tour de force",
  "no notes", "thumbs up", "highest compliment", "do not bother", "stay away", "steer clear",
  "sat through", "could not look away", "had me", "made me", "gave me", "put a foot wrong",
  "works as", "does not work", "did not work", "rings true", "rings false",
];

/** The work and its parts: a judgment word next to one of these judges the film. */
export const WORK_NOUNS: ReadonlySet<string> = new Set([
  "film", "films", "movie", "movies", "picture", "flick", "feature", "sequel", "prequel",
  "spin-off", "spinoff", "installment", "instalment", "entry", "chapter", "franchise",
  "performance", "performances", "acting", "actor", "actors", "actress", "cast", "ensemble",
  "director", "direction", "directing", "filmmaker", "filmmakers", "script", "screenplay",
  "writing", "writer", "writers", "dialogue", "dialog", "cinematography", "cinematographer",
  "camera", "camerawork", "visuals", "effects", "cgi", "vfx", "score", "soundtrack", "music",
  "editing", "pacing", "pace", "runtime", "choreography", "stunts", "action", "sequences",
  "scenes", "story", "storytelling", "plot", "characters", "characterization", "ending",
  "finale", "twist", "tone", "atmosphere", "production", "design", "world-building",
  "worldbuilding", "cameo", "cameos", "trailer", "footage", "premise", "narrative",
  "craft", "execution", "experience", "watch", "viewing", "audience", "audiences", "viewers",
]);

/** Openers of a first-person judgment ("I think", "in my opinion", "for me"). */
export const OPINION_PHRASES: readonly string[] = [
  "i think", "i thought", "i found", "i felt", "i feel", "i believe", "in my opinion",
  "for me", "to me", "i loved", "i love", "i liked", "i like", "i enjoyed", "i hated",
  "i hate", "i was", "i would", "i'd", "i recommend", "i can not recommend", "my favorite",
  "my favourite", "we loved", "we enjoyed", "you will", "do not miss", "go see",
];

/**
 * Narration and logistics: a sentence led by these retells the story or reports facts.
 * They only count when no judgment word is present.
 */
export const NARRATIVE_WORDS: ReadonlySet<string> = new Set([
  "plays", "played", "follows", "follow", "stars", "starring", "directed", "written",
  "produced", "set", "sets", "embarks", "discovers", "discover", "seeks", "seeking",
  "avenge", "avenging", "murdered", "killed", "kills", "hunts", "hunt", "tracks", "track",
  "revolves", "centers", "centres", "tells", "released", "release", "premiere", "premieres",
  "theaters", "theatres", "scheduled", "slated", "casting", "cast", "joins", "joined",
  "returns", "reprises", "reprising", "born", "raised", "trained", "escapes", "learns",
  "becomes", "finds", "meets", "travels", "decides", "wants", "runtime", "rated", "box",
  "office", "interview", "confirmed", "announced", "reported", "according", "via",
]);

/**
 * Anticipation cues: expectation, not a verdict. Positive weight = excitement,
 * negative = doubt or pressure. Matched on normals joined by spaces (so "can't" is "can not").
 */
export const ANTICIPATION_CUES: ReadonlyArray<readonly [phrase: string, weight: number]> = [
  ["can not wait", 1],
  ["cannot wait", 1],
  ["could not wait", 0.8],
  ["highly anticipated", 0.9],
  ["most anticipated", 0.9],
  ["hotly anticipated", 0.9],
  ["eagerly anticipated", 0.9],
  ["much-anticipated", 0.9],
  ["highly-anticipated", 0.9],
  ["anticipated", 0.5],
  ["anticipation", 0.5],
  ["looking forward", 0.8],
  ["counting down", 0.8],
  ["take my money", 1],
  ["goosebumps", 0.7],
  ["on board", 0.5],
  ["made my", 0.5],
  ["buy a ticket", 0.6],
  ["first in line", 0.8],
  ["day one", 0.5],
  ["been waiting", 0.6],
  ["looks incredible", 0.8],
  ["looks amazing", 0.8],
  ["looks great", 0.7],
  ["looks like", 0.2],
  ["looks bigger", 0.4],
  ["excited", 0.7],
  ["excitement", 0.7],
  ["exciting", 0.3],
  ["hype", 0.5],
  ["hyped", 0.5],
  ["buzz", 0.4],
  ["promises", 0.7],
  ["promise", 0.4],
  ["promising", 0.6],
  ["raise hope", 0.6],
  ["raises hope", 0.6],
  ["hope", 0.3],
  ["hopes", 0.3],
  ["hopeful", 0.4],
  ["poised to", 0.5],
  ["set to be", 0.4],
  ["shaping up", 0.6],
  ["gearing up", 0.4],
  ["expect", 0.3],
  ["expected to", 0.3],
  ["expectations", 0.2],
  ["will likely", 0.3],
  ["seems to", 0.2],
  ["looks to", 0.3],
  ["in good hands", 0.6],
  ["first look", 0.3],
  ["teases", 0.4],
  ["upcoming", 0.3],
  ["coming soon", 0.3],
  ["aims to", 0.2],
  // doubt, pressure, hedging
  ["only time will tell", -0.7],
  ["time will tell", -0.6],
  ["remains to be seen", -0.7],
  ["remain to be seen", -0.7],
  ["live up to", -0.4],
  ["living up to", -0.4],
  ["lofty expectations", -0.3],
  ["high expectations", -0.2],
  ["can not risk", -0.6],
  ["cannot risk", -0.6],
  ["heavy burden", -0.5],
  ["burden", -0.3],
  ["must prove", -0.5],
  ["has to prove", -0.5],
  ["needs to prove", -0.5],
  ["can not merely", -0.4],
  ["not guarantee", -0.4],
  ["no guarantee", -0.4],
  ["uncertain", -0.4],
  ["unclear", -0.3],
  ["skeptical", -0.6],
  ["sceptical", -0.6],
  ["doubts", -0.5],
  ["doubt", -0.4],
  ["worried", -0.5],
  ["worry", -0.4],
  ["concerns", -0.4],
  ["concern", -0.3],
  ["fear", -0.3],
  ["fears", -0.4],
  ["troubled production", -0.7],
  ["delayed", -0.3],
  ["reshoots", -0.4],
  ["not holding my breath", -0.7],
  ["too early to say", -0.6],
  ["too early to tell", -0.6],
  ["anyone's guess", -0.6],
  ["anyone 's guess", -0.6],
  ["either way", -0.4],
  ["nothing is guaranteed", -0.5],
  ["the question is", -0.4],
  ["is riding on", -0.4],
  ["riding on", -0.3],
  ["thread a needle", -0.4],
  ["could be the one", 0.3],
];

/** Anticipation words that also hedge a claim: the sentence's polarity is damped. */
export const HEDGE_CUES: readonly string[] = [
  "only time will tell", "time will tell", "remains to be seen", "remain to be seen",
  "aims to", "hopes to", "tries to", "attempts to", "live up to", "living up to",
  "can not risk", "cannot risk", "must prove", "has to prove", "needs to prove",
  "may not", "might not", "not guarantee", "no guarantee", "if it can", "whether",
  "too early to say", "too early to tell", "anyone's guess", "anyone 's guess", "either way",
  "nothing is guaranteed", "riding on", "the question is", "nobody knows", "nobody yet knows",
  "it is possible", "could go",
];

/**
 * Negators wink-nlp's negation pass does not know. Their scope runs to the next punctuation,
 * like wink-nlp's own ("nothing about it feels fresh", "far from good").
 */
export const EXTRA_NEGATORS: ReadonlySet<string> = new Set(["nothing", "nobody", "none", "neither", "nor"]);
export const EXTRA_NEGATOR_PAIRS: ReadonlySet<string> = new Set(["far from", "anything but"]);
/**
 * Pairs that look negated but affirm ("no less thrilling", "not just a spin-off", "nothing
 * short of brilliant"): their scope is cleared of negation.
 */
export const AFFIRMING_PAIRS: ReadonlySet<string> = new Set([
  "no less", "not only", "not just", "not merely", "no doubt", "nothing short", "not least",
]);

/** Words that amplify the next word's evidence. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ["very", 1.4], ["really", 1.3], ["extremely", 1.6], ["incredibly", 1.6], ["absolutely", 1.6],
  ["utterly", 1.6], ["truly", 1.4], ["so", 1.3], ["too", 1.2], ["totally", 1.5],
  ["completely", 1.5], ["thoroughly", 1.5], ["deeply", 1.4], ["highly", 1.4], ["most", 1.3],
  ["exceptionally", 1.6], ["remarkably", 1.4], ["genuinely", 1.3], ["downright", 1.5],
  ["painfully", 1.5], ["hugely", 1.5], ["immensely", 1.5], ["insanely", 1.5], ["super", 1.3],
]);

/** Words that soften the next word's evidence. */
export const DOWNTONERS: ReadonlyMap<string, number> = new Map([
  ["somewhat", 0.6], ["slightly", 0.5], ["fairly", 0.7], ["rather", 0.8], ["mildly", 0.5],
  ["relatively", 0.7], ["occasionally", 0.7],
  ["mostly", 0.8], ["partly", 0.6], ["almost", 0.8], ["barely", 0.6], ["marginally", 0.5],
]);

/**
 * Contrast markers. A concessive opener ("while", "although") makes its own clause the
 * minor one; "but", "however", "yet" make what follows the major one.
 */
export const CONCESSIVE_OPENERS: ReadonlySet<string> = new Set([
  "while", "although", "though", "even", "despite", "whilst", "albeit", "granted",
]);
export const CONTRAST_PIVOTS: ReadonlySet<string> = new Set([
  "but", "however", "yet", "nevertheless", "nonetheless", "still", "though", "unfortunately",
  "sadly", "alas", "except",
]);
