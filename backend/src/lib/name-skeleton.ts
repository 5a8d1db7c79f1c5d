import unhomoglyph from 'unhomoglyph';

/**
 * Folding for look-alike names: two names with the same skeleton read the same to a person ("Dem0_Alice",
 * "demo alice" and "dеmo_аlice" with Cyrillic letters all fold to one). The one fold for sign-up (a username
 * may not look like an existing one), guest names (may not pose as an account, the creator or a moderator) and
 * the database (User.usernameSkeleton, filled by the `username_skeleton` SQL function, which a test keeps equal
 * to this for every character a username may contain).
 *
 * Unicode's confusables data (UTS #39, through unhomoglyph) maps each character to its prototype, before and
 * after decomposition (NFKD, marks dropped) and lower-casing (a lower-case letter has prototypes of its own);
 * separators go last. On top, what people type for letters that the standard does not count as
 * confusable (digits and symbols for letters, "vv" for "w"), and i with l (the standard pairs capital I with l,
 * and case must not matter).
 */
const TYPED_FOR_LETTERS: Record<string, string> = {
  // Capital I is confusable with l but lower-case i is not; after case folding they must meet again.
  i: 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'l',
  '|': 'l',
};
const TYPED_PAIRS: Array<[RegExp, string]> = [[/vv/g, 'w']];

export function nameSkeleton(name: string): string {
  // Prototypes first (some look-alikes are marks, which the next step would drop), then again after decomposition
  // and after lower-casing.
  const plain = unhomoglyph(name).normalize('NFKD').replace(/\p{M}/gu, '');
  let folded = '';
  for (const character of unhomoglyph(unhomoglyph(plain).toLowerCase())) folded += TYPED_FOR_LETTERS[character] ?? character;
  folded = folded.replace(/[^\p{L}\p{N}]/gu, '');
  for (const [pair, letter] of TYPED_PAIRS) folded = folded.replace(pair, letter);
  return folded;
}
