import { spawn } from 'node:child_process'
import path from 'node:path'

/**
 * Runs `payload migrate` exactly as operators do, in a child process, against `url`. Used only
 * by the embedded default; real deployments run it as their release step.
 */
export const runMigrations = (url: string, cwd: string, env: Record<string, string> = {}): Promise<void> =>
  new Promise((resolve, reject) => {
    const bin = path.join(cwd, 'node_modules', '.bin', 'payload')
    const child = spawn(bin, ['migrate'], {
      cwd,
      env: { ...process.env, ...env, DATABASE_URL: url, NODE_OPTIONS: '--no-deprecation' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`payload migrate exited with code ${code}`)),
    )
  })
