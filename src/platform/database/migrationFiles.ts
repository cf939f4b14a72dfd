import fs from 'node:fs'

/** Names of the committed migrations (file names without extension, as Payload records them). */
export const listMigrationNames = (migrationDir: string): string[] => {
  if (!fs.existsSync(migrationDir)) return []
  const names = fs
    .readdirSync(migrationDir)
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.(ts|js|mjs)$/, ''))
    .filter((name) => name !== 'index')
  return [...new Set(names)].sort()
}
