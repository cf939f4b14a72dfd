import type { Endpoint } from 'payload'

import { searchEndpoint } from './search'
import { suggestEndpoint } from './suggest'
import { viewEndpoint } from './view'

/** Custom routes under /api/anime/* (search, suggest, view). Each lives in its own file. */
export const animeEndpoints: Endpoint[] = [searchEndpoint, suggestEndpoint, viewEndpoint]
