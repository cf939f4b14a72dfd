import type { GlobalConfig } from 'payload'

import { globalAccess } from '@/platform/auth'
import { aviationAccessPolicy } from '../accessPolicy'
import { reference } from '../fields/references'
import { socialPlatformOptions } from '../options'

/** FrankenJet's site-wide settings: readable by everyone (the frontends need them), changed by admins. */
export const AppSettings: GlobalConfig = {
  slug: 'app-settings',
  label: 'App settings',
  admin: { group: 'System' },
  access: globalAccess(aviationAccessPolicy.globals['app-settings']),
  versions: { max: 20 },
  fields: [
    { name: 'siteTitle', type: 'text', required: true, localized: true, defaultValue: 'FrankenJet', maxLength: 120 },
    // Unpublished articles are dropped for the public (publishedOnly), even if an admin picked one.
    reference('featuredArticles', 'articles', { hasMany: true, index: false, label: 'Featured articles' }),
    {
      name: 'maintenanceBanner',
      type: 'group',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: false },
        { name: 'message', type: 'text', localized: true, maxLength: 300 },
        {
          name: 'tone',
          type: 'select',
          defaultValue: 'info',
          options: [
            { value: 'info', label: 'Info' },
            { value: 'warning', label: 'Warning' },
          ],
        },
      ],
    },
    {
      name: 'socialLinks',
      type: 'array',
      labels: { singular: 'Social link', plural: 'Social links' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'platform', type: 'select', required: true, options: socialPlatformOptions },
            { name: 'url', type: 'text', required: true, maxLength: 500, validate: httpsUrl },
          ],
        },
      ],
    },
  ],
}

function httpsUrl(value: unknown): true | string {
  return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? true : 'Enter a full http(s) URL.'
}
