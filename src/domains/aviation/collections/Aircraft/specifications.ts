import type { Field, NumberField } from 'payload'

/** Units live in the field names, so an API client never has to guess them. */
const measure = (name: string, label: string, max: number): NumberField => ({ name, type: 'number', label, min: 0, max })

export const specifications: Field = {
  name: 'specifications',
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'crew', type: 'number', min: 0, max: 1000, admin: { step: 1 } },
        measure('lengthM', 'Length (m)', 500),
        measure('wingspanM', 'Wingspan (m)', 500),
        measure('heightM', 'Height (m)', 200),
      ],
    },
    {
      type: 'row',
      fields: [
        measure('emptyWeightKg', 'Empty weight (kg)', 1_000_000),
        measure('maxTakeoffWeightKg', 'Max take-off weight (kg)', 1_000_000),
      ],
    },
    {
      name: 'engines',
      type: 'text',
      localized: true,
      maxLength: 300,
      admin: { description: 'E.g. "4 × Kuznetsov NK-12MV turboprops, 11,000 kW each"' },
    },
    {
      type: 'row',
      fields: [
        measure('maxSpeedKmh', 'Max speed (km/h)', 50_000),
        measure('rangeKm', 'Range (km)', 100_000),
        measure('serviceCeilingM', 'Service ceiling (m)', 100_000),
      ],
    },
  ],
}
