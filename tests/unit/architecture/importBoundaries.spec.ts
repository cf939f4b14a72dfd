/**
 * The dependency direction, kept by reading the import statements of the source (no build):
 * - the platform never imports a domain;
 * - the products do not import each other;
 * - scripts (the worker, migrate, quickstart, the standalone assembly) never import the anime
 *   domain, except the product's own command lines listed in PRODUCT_COMMAND_LINES.
 * server.ts and payload.config.ts are where the products meet, and may import both.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = process.cwd()
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/

/** Command lines of a product: they exist to run that product's code (the seed runs both products'). */
const PRODUCT_COMMAND_LINES = new Set(['scripts/importAnime.ts', 'scripts/seed.ts'])

const listSources = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(relative)
    return SOURCE.test(entry.name) ? [relative] : []
  })

// `import x from '…'`, `import '…'`, `export … from '…'`, `import('…')`, `import type … from '…'`.
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm

/** The repository-relative path an import points at (no extension), or undefined for packages. */
const resolveImport = (fromFile: string, specifier: string): string | undefined => {
  if (specifier.startsWith('@/')) return path.posix.join('src', specifier.slice(2))
  if (specifier === '@payload-config') return 'payload.config'
  if (!specifier.startsWith('.')) return undefined
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier))
}

/** What a source text imports, as repository-relative paths. Comments are skipped. */
const importsOf = (file: string, text: string): string[] => {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  return [...code.matchAll(SPECIFIER)]
    .map((match) => resolveImport(file, match[1] ?? match[2] ?? match[3]))
    .filter((target): target is string => target !== undefined)
}

const under = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`)

type Rule = { files: string[]; forbidden: string[]; name: string }

const violations = ({ files, forbidden }: Rule): string[] =>
  files.flatMap((file) =>
    importsOf(file, fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((target) => forbidden.some((dir) => under(target, dir)))
      .map((target) => `${file} imports ${target}`),
  )

const rules: Rule[] = [
  { name: 'the platform never imports a domain', files: listSources('src/platform'), forbidden: ['src/domains'] },
  { name: 'aviation does not import anime', files: listSources('src/domains/aviation'), forbidden: ['src/domains/anime'] },
  { name: 'anime does not import aviation', files: listSources('src/domains/anime'), forbidden: ['src/domains/aviation'] },
  {
    name: 'scripts (worker, migrate, …) do not import anime',
    files: listSources('scripts').filter((file) => !PRODUCT_COMMAND_LINES.has(file)),
    forbidden: ['src/domains/anime'],
  },
]

describe('import boundaries', () => {
  it('finds the imports it checks (relative, @/ alias, side-effect, re-export, dynamic), not comments', () => {
    const text = [
      "import '../src/domains/anime/import/scriptEnv'",
      "import type { A } from '../src/domains/anime/a'",
      "import { b } from '@/domains/anime/b'",
      "export { c } from './c'",
      "const d = await import('../src/domains/anime/d')",
      "// import { e } from '../src/domains/anime/e'",
      '/* import { f } from "../src/domains/anime/f" */',
      "import pg from 'pg'",
    ].join('\n')
    expect(importsOf('scripts/x.ts', text)).toEqual([
      'src/domains/anime/import/scriptEnv',
      'src/domains/anime/a',
      'src/domains/anime/b',
      'scripts/c',
      'src/domains/anime/d',
    ])
  })

  it('sees the imports that are allowed, so an empty result means something', () => {
    // payload.config.ts is where the products meet: it must show up as importing anime.
    expect(violations({ name: 'meeting point', files: ['payload.config.ts'], forbidden: ['src/domains/anime'] }).length).toBeGreaterThan(0)
    expect(rules.every((rule) => rule.files.length > 0)).toBe(true)
  })

  it.each(rules.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    expect(violations(rule)).toEqual([])
  })
})
