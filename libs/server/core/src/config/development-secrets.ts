import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Development only: a SECRET_KEY generated on first start and kept in `<dataDir>/secrets.json`,
 * so sessions survive restarts without anyone having to invent a secret.
 */
export function developmentSecretKey(dataDir: string): string {
  const file = join(dataDir, 'secrets.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { secretKey?: unknown };
    if (typeof stored.secretKey === 'string' && stored.secretKey.length >= 32) return stored.secretKey;
  } catch {
    // Missing or unreadable: generate below.
  }
  const secretKey = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ secretKey }, null, 2) + '\n', { mode: 0o600 });
  return secretKey;
}
