import type { Page } from 'playwright-core';
import { graphqlAs } from './browser';

/** The demo's administrator makes a person (found by name, checked by e-mail) a member of the programme team (COE). */
export async function makeProgrammeTeam(admin: Page, name: string, email: string): Promise<void> {
  const { accounts } = await graphqlAs<{ accounts: { edges: Array<{ node: { id: string; email: string | null } }> } }>(
    admin,
    'query ($search: String) { accounts(search: $search, first: 5) { edges { node { id email } } } }',
    { search: name },
  );
  const account = accounts.edges.map((e) => e.node).find((n) => n.email === email);
  if (!account) throw new Error(`No account ${email}`);
  await graphqlAs(admin, 'mutation ($input: SetAccountRoleInput!) { setAccountRole(input: $input) { id } }', { input: { accountId: account.id, role: 'COE' } });
}
