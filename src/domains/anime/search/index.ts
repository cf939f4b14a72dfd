export { animeSearchQueries } from './graphql'
export {
  parseSearchParams,
  parseSuggestParams,
  rawFromSearchParams,
  SEARCH_PARAMETER_NAMES,
  SUGGEST_PARAMETER_NAMES,
  type SearchParams,
  type SuggestParams,
} from './params'
export { searchAnime, suggestAnime, type SearchDoc, type SearchPage, type Suggestion } from './searchAnime'
export { asPayloadValidation } from './payloadErrors'
export { InvalidSearchParameter } from './parameterError'
