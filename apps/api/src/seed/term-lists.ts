import { uuidv7 } from '@commons/server-core';
import { COMPETITORS, PRODUCTS } from './vocabulary';

/**
 * The organisation's term lists for listening, as its programme team would keep them: its own
 * products (the names people write, "Commons Connect", not "the admin console") and the
 * competitors the generated text compares them with. Without them share of voice has nothing to count.
 */
export async function seedTermLists(db: { query(text: string, params?: unknown[]): Promise<unknown> }): Promise<void> {
  const own = PRODUCTS.filter((name) => name.startsWith('Commons'));
  await db.query(
    `INSERT INTO listening_term_lists (id, key, name, kind, terms, created_at, updated_at)
     VALUES ($1, 'our-products', 'Our products', 'OWN', $2, now(), now()), ($3, 'competitors', 'Competitors', 'COMPETITOR', $4, now(), now())
     ON CONFLICT (key) DO NOTHING`,
    [uuidv7(), own, uuidv7(), COMPETITORS],
  );
}
