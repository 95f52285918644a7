// Sessions for many accounts at once, written the way SessionsService.start writes them: a
// random 43-character token goes into the cookie, the row keeps only its HMAC keyed by the
// run's SECRET_KEY (SecretTokens.hash). Signing 5,000 people in through GraphQL would spend
// minutes hashing passwords; this is one INSERT. The rows are marked by their user agent and
// removed after the scenario (and at the start of a run, should one have been interrupted);
// they are worthless anyway once the run's secret is gone.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export const BENCH_SESSION_AGENT = 'commons-bench';

/** Opens one session per account id; returns a Cookie header per id, in order. */
export async function createSessions(pool, { secretKey, cookieName }, accountIds) {
  const tokens = accountIds.map(() => randomBytes(32).toString('base64url'));
  const hashes = tokens.map((token) => createHmac('sha256', secretKey).update(token).digest());
  await pool.query(
    `INSERT INTO sessions (id, account_id, token_hash, created_at, last_seen_at, expires_at, user_agent)
     SELECT unnest($1::uuid[]), unnest($2::uuid[]), unnest($3::bytea[]), now(), now(), now() + interval '1 day', $4`,
    [accountIds.map(() => randomUUID()), accountIds, hashes, BENCH_SESSION_AGENT],
  );
  return tokens.map((token) => `${cookieName}=${token}`);
}

/** Removes every session the benchmark opened this way. */
export async function removeBenchSessions(pool) {
  const { rowCount } = await pool.query('DELETE FROM sessions WHERE user_agent = $1', [BENCH_SESSION_AGENT]);
  return rowCount;
}
