import fs from 'node:fs'
import path from 'node:path'

/**
 * The NODE_OPTIONS the server runs with in production, read from `npm start` (package.json). The
 * Dockerfile sets the same (a unit test keeps them equal) and the benches start the server with it,
 * so that what they measure is what is deployed.
 */
export const deployedNodeOptions = (root: string): string => {
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const found = /NODE_OPTIONS="([^"]*)"/.exec(packageJson.scripts.start ?? '')
  if (!found) throw new Error('package.json: `start` sets no NODE_OPTIONS="..."')
  return found[1]!
}
