/**
 * `next` as one random cycle through every index (Sattolo's algorithm): following it from any index
 * visits all of them before coming back, so no part of the array stays in a cache.
 */
export const randomCycle = (length: number, random: () => number = Math.random): Int32Array => {
  const next = new Int32Array(length)
  for (let i = 0; i < length; i++) next[i] = i
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * i)
    const swap = next[i]!
    next[i] = next[j]!
    next[j] = swap
  }
  return next
}
