// Every scenario of the benchmark, in the order they run (1–7 from the harness's issue, 8 from moderation's). A scenario is { id, name, title } and
// either run(ctx) → { rows, checks, notes, details } or `pending: 'needs …'` until its feature exists.
import threadPage from './thread-page.mjs';
import lists from './lists.mjs';
import search from './search.mjs';
import posting from './posting.mjs';
import fanOut from './fan-out.mjs';
import dashboard from './dashboard.mjs';
import documentCache from './document-cache.mjs';
import dryRun from './dry-run.mjs';

export const SCENARIOS = [threadPage, lists, search, posting, fanOut, dashboard, documentCache, dryRun];
