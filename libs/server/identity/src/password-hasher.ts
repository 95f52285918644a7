import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (OWASP's second recommended profile: 19 MiB, 2 passes). */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** A hash of a random password, verified against when the account does not exist so timing does not tell. */
  private decoy?: Promise<string>;

  /** A salt is drawn for every hash; only generated test data passes its own, to be reproducible. */
  hash(password: string, salt?: Uint8Array): Promise<string> {
    return hash(password, salt ? { ...OPTIONS, salt } : OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash === null) {
      this.decoy ??= hash('decoy-password-for-unknown-accounts', OPTIONS);
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
