import { createHmac, randomBytes } from 'node:crypto';

/**
 * Random bearer tokens (session cookies, invite links). The database keeps only an
 * HMAC keyed by SECRET_KEY, so neither a database copy nor a timing probe reveals one.
 */
export class SecretTokens {
  constructor(private readonly secretKey: string) {}

  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): Buffer {
    return createHmac('sha256', this.secretKey).update(token).digest();
  }

  /** Tokens that cannot be ours are rejected before touching the database. */
  isWellFormed(token: string | undefined): token is string {
    return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/u.test(token);
  }
}
