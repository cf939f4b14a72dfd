import { byRelevance, type Hit } from './titleIndex'

/** The first `count` hits in relevance order, without sorting them all (a generic tier has thousands). */
export const topHits = (hits: Hit[], count: number): Hit[] => {
  if (hits.length <= count * 4) return hits.sort(byRelevance).slice(0, count)
  const top: Hit[] = []
  for (const hit of hits) {
    if (top.length === count && byRelevance(hit, top[count - 1]!) >= 0) continue
    let low = 0
    let high = top.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (byRelevance(top[mid]!, hit) <= 0) low = mid + 1
      else high = mid
    }
    top.splice(low, 0, hit)
    if (top.length > count) top.pop()
  }
  return top
}
