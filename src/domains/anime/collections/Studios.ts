import { taxonomyCollection } from './Genres'

export const Studios = taxonomyCollection('studios', 'Studio', 'Studios')
