// Every scenario of issue 10, in the order they run. A scenario is { id, name, title } and
// either run(ctx) → { rows, checks, notes, details } or `pending: 'needs …'` until its feature exists.
import threadPage from './thread-page.mjs';
import lists from './lists.mjs';
import search from './search.mjs';
import posting from './posting.mjs';
import fanOut from './fan-out.mjs';
import dashboard from './dashboard.mjs';
import documentCache from './document-cache.mjs';

export const SCENARIOS = [threadPage, lists, search, posting, fanOut, dashboard, documentCache];
