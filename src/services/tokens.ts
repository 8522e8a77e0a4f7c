import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to a person (session and password reset tokens): 256 random bits, of which
 * the database keeps only the SHA-256, so a copy of the database opens no session.
 */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');
