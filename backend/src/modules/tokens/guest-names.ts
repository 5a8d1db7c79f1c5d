/**
 * Folding for look-alike names: two names with the same skeleton read the same to a person ("Dem0_Alice",
 * "demo alice" and "dеmo_аlice" with Cyrillic letters all fold to "demoalice"). Used to refuse guest names that
 * pose as an account. The database folds usernames the same way (the `username_skeleton` SQL function; a test
 * keeps the two in step), so keep this order: compatibility-decompose and drop marks, lower-case, map
 * look-alike characters, drop everything but letters and digits, then fold letter pairs.
 */

/** Characters that look like a Latin letter (or each other) but that compatibility decomposition keeps apart. */
const LOOK_ALIKES: Record<string, string> = {
  // Digits and symbols standing in for letters.
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '|': 'l',
  '!': 'l',
  $: 's',
  '@': 'a',
  i: 'l',
  ı: 'l',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ð: 'd',
  þ: 'p',
  // Cyrillic.
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'l',
  ї: 'l',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ү: 'y',
  ɡ: 'g',
  // Greek.
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'l',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
};

const LETTER_PAIRS: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

export function nameSkeleton(name: string): string {
  const lowered = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let folded = '';
  for (const character of lowered) folded += LOOK_ALIKES[character] ?? character;
  folded = folded.replace(/[^\p{L}\p{N}]/gu, '');
  for (const [pair, letter] of LETTER_PAIRS) folded = folded.replace(pair, letter);
  return folded;
}
