// Command-line options of `npm run bench`.
export const SCENARIO_ALIASES = {
  1: 'thread-page',
  2: 'lists',
  3: 'search',
  4: 'posting',
  5: 'fan-out',
  6: 'dashboard',
  7: 'document-cache',
  8: 'dry-run',
  fanout: 'fan-out',
};

export const USAGE = `npm run bench -- [options]

  --scenario <name>    run only these scenarios (repeatable, or a comma list; names or numbers):
                       1 thread-page, 2 lists, 3 search, 4 posting, 5 fan-out, 6 dashboard, 7 document-cache,
                       8 dry-run
  --size demo|s|m|l    the data size you expect; checked against the counts found and printed
  --duration <s>       seconds per measured run (default 10); each variant runs --rounds times
  --rounds <n>         A/B rounds per comparison, run A B B A … so drift hits both (default 2)
  --connections <n>    concurrent HTTP connections per run (default 10)
  --subscribers <n>    fan-out: WebSocket subscribers on one thread (default 5000)
  --fanout-seconds <s> fan-out: seconds of steady posting per server, split over --rounds (default 30)
  --post-interval <ms> fan-out: one reply (or raw broadcast) every this many ms (default 200)
  --log-level <level>  the API's LOG_LEVEL (default warn; info logs every request, as production does)
  --build              rebuild the API even when dist/ has one
  --help

DATABASE_URL picks the database (seed it first: npm run seed -- --size l); without it the
embedded PostgreSQL of npm start is used. Results: bench-results/<date>.json and a Markdown table.`;

export function parseOptions(argv) {
  const options = { scenarios: [], size: undefined, duration: 10, rounds: 2, connections: 10, subscribers: 5000, fanoutSeconds: 30, postIntervalMs: 200, logLevel: 'warn', build: false, help: false };
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const positive = (v, name) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/su) : [argv[i], undefined];
    const take = (name) => (inline !== undefined ? inline : value(i++, name));
    switch (arg) {
      case '--scenario':
      case '--scenarios':
        options.scenarios.push(...take(arg).split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--size': {
        const size = take(arg);
        if (!['demo', 's', 'm', 'l'].includes(size)) throw new Error(`--size must be demo, s, m or l, not ${size}`);
        options.size = size;
        break;
      }
      case '--duration':
        options.duration = positive(take(arg), arg);
        break;
      case '--rounds':
        options.rounds = Math.round(positive(take(arg), arg));
        break;
      case '--connections':
        options.connections = Math.round(positive(take(arg), arg));
        break;
      case '--subscribers':
        options.subscribers = Math.round(positive(take(arg), arg));
        break;
      case '--fanout-seconds':
        options.fanoutSeconds = positive(take(arg), arg);
        break;
      case '--post-interval':
        options.postIntervalMs = positive(take(arg), arg);
        break;
      case '--log-level':
        options.logLevel = take(arg);
        break;
      case '--build':
        options.build = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  options.scenarios = options.scenarios.map((s) => SCENARIO_ALIASES[s] ?? s);
  return options;
}
