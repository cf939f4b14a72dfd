import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const BUILD_INPUTS = ['src', 'migrations', 'scripts', 'payload.config.ts', 'server.ts', 'next.config.mjs', 'package-lock.json']

const newestMtime = (target: string): number => {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs)
}

/**
 * Makes sure `npm run build` output exists and is newer than every input, building if not. CI
 * builds before `npm test`, so there this is a no-op.
 */
export const ensureProductionBuild = (): void => {
  // The last steps' outputs: the standalone directory is completed after everything else.
  const outputs = [
    path.join(root, '.next', 'BUILD_ID'),
    path.join(root, 'dist', 'server.js'),
    path.join(root, '.next', 'standalone', 'dist', 'migrate.js'),
  ]
  const builtAt = outputs.every((file) => fs.existsSync(file)) ? Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs)) : 0
  const changedAt = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(root, input))))
  if (builtAt > changedAt) return
  execFileSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    // No SECRET_KEY on purpose: a build must not need one.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SECRET_KEY: '', PAYLOAD_SECRET: '' },
  })
}
