import { spawn } from 'node:child_process'

export type ScriptRun = { code: number | null; stdout: string; stderr: string }

/** Runs `npm run --silent <script> -- <args>` as a user would, and collects its output and exit code. */
export const runNpmScript = (script: string, args: string[], env: Record<string, string>): Promise<ScriptRun> =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
