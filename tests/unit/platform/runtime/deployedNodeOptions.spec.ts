import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { deployedNodeOptions } from '@/platform/runtime/deployedNodeOptions'

const root = path.resolve(__dirname, '../../../..')

describe('deployedNodeOptions', () => {
  it('reads the heap cap npm start runs the server with', () => {
    expect(deployedNodeOptions(root)).toMatch(/--max-old-space-size=\d+/)
  })

  it('is what the Docker image sets too', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    expect(/NODE_OPTIONS="([^"]*)"/.exec(dockerfile)?.[1]).toBe(deployedNodeOptions(root))
  })
})
