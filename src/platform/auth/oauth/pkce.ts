import { createHash, randomBytes } from 'node:crypto'

/** RFC 7636: a 43-character verifier (256 random bits) and its S256 challenge. */
export const newCodeVerifier = (): string => randomBytes(32).toString('base64url')

export const codeChallengeOf = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url')
