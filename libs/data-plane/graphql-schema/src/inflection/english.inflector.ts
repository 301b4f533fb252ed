// English pluralisation as Prisma 1 does it (spec §6.1): the rules of Java evo-inflector 1.2 in its
// "anglicized" mode, in evo-inflector's order — the first rule that matches wins, so the order is
// part of the behaviour and must not be "tidied". The generated client hard-codes the resulting
// names (`Todoes`, `Newses`, `Persons`), so quirks are kept on purpose:
//  * words that do not inflect (`fish`, `news`, `series`) come back unchanged here and get `s`/`es`
//    appended by the caller (`Fishs`, `Newses`);
//  * case-insensitive suffix rules replace the suffix with the rule's own casing (`Goose` → `geese`);
//  * list entries are compared with the lower-cased word, so the capitalised demonyms of the
//    `-man` list (`German`) never match — as in the original.

/** One rule: the plural of `word`, or null when the rule does not apply. */
type PluralRule = (word: string) => string | null;

/** Words ending in one of `endings` (compared lower-cased) swap `singular` for `plural` at the end. */
function endingIn(endings: readonly string[], singular: string, plural: string): PluralRule {
  return (word) => {
    const lower = word.toLowerCase();
    return endings.some((ending) => lower.endsWith(ending)) ? word.slice(0, word.length - singular.length) + plural : null;
  };
}

/** A case-insensitive regular expression; only its first match is replaced (`$1` refers to groups). */
function suffix(pattern: string, replacement: string): PluralRule {
  const regex = new RegExp(pattern, 'i');
  return (word) => (regex.test(word) ? word.replace(regex, replacement) : null);
}

/**
 * An irregular word: matched case-sensitively at the end, once with a capital and once with a
 * lower-case first letter, keeping that first letter's case in the plural (`GrandChild` →
 * `GrandChildren`, `child` → `children`).
 */
function irregular(singular: string, plural: string): PluralRule[] {
  const rest = (w: string) => w.slice(1);
  const upper = (w: string) => w.charAt(0).toUpperCase() + rest(w);
  const lower = (w: string) => w.charAt(0).toLowerCase() + rest(w);
  return [upper, lower].map((casing) => {
    const regex = new RegExp(`${casing(singular)}$`);
    return (word: string) => (regex.test(word) ? word.replace(regex, casing(plural)) : null);
  });
}

const UNINFLECTED = [
  // endings
  'fish', 'ois', 'sheep', 'deer', 'pox', 'itis',
  // words
  'bison', 'flounder', 'pliers', 'bream', 'gallows', 'proceedings', 'breeches', 'graffiti', 'rabies',
  'britches', 'headquarters', 'salmon', 'carp', 'herpes', 'scissors', 'chassis', 'high-jinks', 'sea-bass',
  'clippers', 'homework', 'series', 'cod', 'innings', 'shears', 'contretemps', 'jackanapes', 'species',
  'corps', 'mackerel', 'swine', 'debris', 'measles', 'trout', 'diabetes', 'mews', 'tuna', 'djinn', 'mumps',
  'whiting', 'eland', 'news', 'wildebeest', 'elk', 'pincers', 'sugar',
];

const IRREGULAR: readonly (readonly [string, string])[] = [
  ['child', 'children'],
  ['ephemeris', 'ephemerides'],
  ['mongoose', 'mongoose'],
  ['mythos', 'mythoi'],
  ['soliloquy', 'soliloquies'],
  ['trilby', 'trilbys'],
  ['genus', 'genera'],
  ['quiz', 'quizzes'],
  // the anglicized choices (the classical mode would say beeves, brethren, kine, …)
  ['beef', 'beefs'],
  ['brother', 'brothers'],
  ['cos', 'cows'],
  ['genie', 'genies'],
  ['money', 'moneys'],
  ['octopus', 'octopuses'],
  ['opus', 'opuses'],
];

const MAN_MANS = ['human', 'Alabaman', 'Bahaman', 'Burman', 'German', 'Hiroshiman', 'Liman', 'Nakayaman', 'Oklahoman',
  'Panaman', 'Selman', 'Sonaman', 'Tacoman', 'Yakiman', 'Yokohaman', 'Yuman'];
const EX_ICES = ['codex', 'murex', 'silex'];
const IX_ICES = ['radix', 'helix'];
const UM_A = ['bacterium', 'agendum', 'desideratum', 'erratum', 'stratum', 'datum', 'ovum', 'extremum', 'candelabrum'];
const ON_A = ['criterion', 'perihelion', 'aphelion', 'phenomenon', 'prolegomenon', 'noumenon', 'organon', 'asyndeton', 'hyperbaton'];
const A_AE = ['alumna', 'alga', 'vertebra', 'persona'];
const US_I = ['alumnus', 'alveolus', 'bacillus', 'bronchus', 'locus', 'nucleus', 'stimulus', 'meniscus', 'thesaurus'];
const S_ES = ['acropolis', 'chaos', 'lens', 'aegis', 'cosmos', 'mantis', 'alias', 'dais', 'marquis', 'asbestos', 'digitalis',
  'metropolis', 'atlas', 'epidermis', 'pathos', 'bathos', 'ethos', 'pelvis', 'bias', 'gas', 'polis', 'caddis', 'glottis',
  'rhinoceros', 'cannabis', 'sassafras', 'canvas', 'ibis', 'trellis'];
const IS_IDES = ['iris', 'clitoris'];
const US_US = ['apparatus', 'impetus', 'prospectus', 'cantus', 'nexus', 'sinus', 'coitus', 'plexus', 'status', 'hiatus'];
const A_ATA = ['anathema', 'enema', 'oedema', 'bema', 'enigma', 'sarcoma', 'carcinoma', 'gumma', 'schema', 'charisma', 'lemma',
  'soma', 'diploma', 'lymphoma', 'stigma', 'dogma', 'magma', 'stoma', 'drama', 'melisma', 'trauma', 'edema', 'miasma'];
const O_I = ['solo', 'soprano', 'basso', 'alto', 'contralto', 'tempo', 'piano', 'virtuoso'];
const O_OS = ['albino', 'archipelago', 'armadillo', 'commando', 'crescendo', 'fiasco', 'ditto', 'dynamo', 'embryo', 'ghetto',
  'guano', 'inferno', 'jumbo', 'lumbago', 'magneto', 'manifesto', 'medico', 'octavo', 'photo', 'pro', 'quarto', 'canto',
  'lingo', 'generalissimo', 'stylo', 'rhino', 'casino', 'auto', 'macro', 'zero'];

/** evo-inflector's rule list (anglicized), in its order. */
const RULES: readonly PluralRule[] = [
  endingIn(UNINFLECTED, '', ''),
  ...IRREGULAR.flatMap(([singular, plural]) => irregular(singular, plural)),
  endingIn(MAN_MANS, '', 's'),
  // irregular inflections of common suffixes
  suffix('man$', 'men'),
  suffix('([lm])ouse$', '$1ice'),
  suffix('tooth$', 'teeth'),
  suffix('goose$', 'geese'),
  suffix('foot$', 'feet'),
  suffix('zoon$', 'zoa'),
  suffix('([csx])is$', '$1es'),
  // fully assimilated classical inflections
  endingIn(EX_ICES, 'ex', 'ices'),
  endingIn(IX_ICES, 'ix', 'ices'),
  endingIn(UM_A, 'um', 'a'),
  endingIn(ON_A, 'on', 'a'),
  endingIn(A_AE, 'a', 'ae'),
  endingIn(US_I, 'us', 'i'),
  suffix('([cs]h|[zx])$', '$1es'),
  endingIn(S_ES, '', 'es'),
  endingIn(IS_IDES, '', 'es'),
  endingIn(US_US, '', 'es'),
  suffix('(us)$', '$1es'),
  endingIn(A_ATA, '', 's'),
  suffix('([cs])h$', '$1hes'),
  suffix('ss$', 'sses'),
  // -f/-fe → -ves for some words (lives, wolves)
  suffix('([aeo]l)f$', '$1ves'),
  suffix('([^d]ea)f$', '$1ves'),
  suffix('(ar)f$', '$1ves'),
  suffix('([nlw]i)fe$', '$1ves'),
  suffix('([aeiou])y$', '$1ys'),
  suffix('y$', 'ies'),
  // -o → -os after a vowel and for the listed words, otherwise -oes
  endingIn(O_I, 'o', 'os'),
  endingIn(O_OS, 'o', 'os'),
  suffix('([aeiou])o$', '$1os'),
  suffix('o$', 'oes'),
  // not anchored in the original either: the first `ulum` anywhere becomes `ula`
  suffix('ulum', 'ula'),
  endingIn(A_ATA, '', 'es'),
  suffix('s$', 'ses'),
  suffix('$', 's'),
];

/**
 * evo-inflector's `English.plural` (anglicized): the plural, or `word` itself for words that do not
 * inflect. Callers wanting Prisma's names use `plural` of the inflection module.
 */
export function englishPlural(word: string): string {
  for (const rule of RULES) {
    const plural = rule(word);
    if (plural !== null) return plural;
  }
  return word;
}
