/** Words shorter than this get no variants: "no" has dozens of real words one edit away. */
export const MIN_EDIT_WORD_LENGTH = 4
/** Longer words get none either: long typos are rare, and each variant costs an index lookup. */
const MAX_EDIT_WORD_LENGTH = 24

/**
 * The words one cheap edit away from `word`, `word` itself first: two neighbouring letters swapped
 * ("trera" -> "terra"), one letter dropped ("shingekki" -> "shingeki"), one letter doubled ("atack"
 * -> "attack"). About 3 per letter, where every insertion and replacement would be 50 per letter:
 * each variant is a lookup in the word index, and the variants are the typos that cost trigrams
 * most (a swap breaks three of a short word's trigrams); replaced letters are left to the trigram
 * tier. Empty for words outside MIN..MAX_EDIT_WORD_LENGTH letters.
 */
export const editVariants = (word: string): string[] => {
  const letters = [...word]
  if (letters.length < MIN_EDIT_WORD_LENGTH || letters.length > MAX_EDIT_WORD_LENGTH) return []
  const variants = new Set<string>([word])
  for (let i = 0; i < letters.length; i++) {
    const before = letters.slice(0, i).join('')
    const letter = letters[i]!
    const next = letters[i + 1]
    variants.add(before + letters.slice(i + 1).join(''))
    variants.add(before + letter + letters.slice(i).join(''))
    if (next !== undefined && next !== letter) variants.add(before + next + letter + letters.slice(i + 2).join(''))
  }
  return [...variants]
}
