// Turns a run's results into bench-results/<date>.json and a Markdown report on stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1024 * 1024;
const fixed = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const grouped = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
/** Latency with enough digits to tell sub-millisecond pages apart. */
const ms = (n) => (!Number.isFinite(n) ? '—' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');

export function writeResults(directory, results) {
  mkdirSync(directory, { recursive: true });
  const stamp = results.startedAt.replace(/\.\d+Z$/u, 'Z').replaceAll(':', '-');
  const file = join(directory, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

function verdict(check) {
  if (check.pending) return `pending — ${check.pending}`;
  if (check.met === null || check.met === undefined) return 'not judged';
  const base = check.met ? 'met' : '**missed**';
  return check.indicative ? `${base} (indicative: ${check.indicative})` : base;
}

export function markdown(results) {
  const { data, targets, options, machine } = results;
  const c = data.counts;
  const lines = [];
  lines.push(`## Commons benchmark — ${results.startedAt.replace('T', ' ').replace(/\.\d+Z$/u, ' UTC')}`, '');
  lines.push(
    `- **Data** (\`${c.database}\`): ${grouped(c.accounts)} accounts · ${grouped(c.communities)} communities · ${grouped(c.threads)} threads · ${grouped(c.replies)} replies · ` +
      `${grouped(c.blogPosts)} blog posts · ${grouped(c.blogComments)} comments · ${grouped(c.reactions)} reactions · longest thread ${grouped(c.longestThread)} replies — looks like size **${data.size}**` +
      (options.size ? (options.size === data.size ? ` (as --size said)` : ` — **--size ${options.size} was given: these figures are not for size ${options.size}**`) : ''),
  );
  if (targets) {
    lines.push(
      `- **Targets**: thread "${targets.thread.title}" (${grouped(targets.thread.replyRows)} replies, ${targets.thread.communityName}); largest community ${targets.community.name} ` +
        `(${grouped(targets.community.threads)} threads), category "${targets.category?.name ?? '—'}" (${grouped(targets.category?.threads ?? 0)} threads), tag "${targets.tag?.tag ?? '—'}"; signed in as ${targets.viewer.email} (a member)`,
    );
  }
  lines.push(
    `- **Run**: API built, NODE_ENV=production, LOG_LEVEL=${options.logLevel}; ${options.connections} connections; ${options.duration} s × ${options.rounds} round${options.rounds === 1 ? '' : 's'} per variant${options.rounds > 1 ? ', alternated A B B A' : ''} after a warm-up; ` +
      `${machine.cpus} cores, Node ${machine.node}, commit ${results.commit}`,
  );
  if (results.api.endRssBytes) {
    lines.push(
      `- **API process**: RSS ${grouped(results.api.startRssBytes / MB)} MB after start → ${grouped(results.api.endRssBytes / MB)} MB at the end; ${fixed(results.api.cpuSeconds, 1)} s CPU in all. ` +
        'The load generator runs in the harness process on the same cores: absolute figures depend on the machine, the ratios much less.',
    );
  }
  lines.push('', '| # | scenario | variant | server | req/s | p50 ms | p95 ms | p99 ms | SQL/req | CPU µs/req | CPU % | RSS MB | failed |', '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const scenario of results.scenarios) {
    if (scenario.pending || scenario.error) {
      lines.push(`| ${scenario.id} | ${cell(scenario.title)} | ${scenario.pending ? `pending — ${cell(scenario.pending)}` : `**failed**: ${cell(scenario.error)}`} | | | | | | | | | | |`);
      continue;
    }
    for (const row of scenario.rows) {
      lines.push(
        `| ${scenario.id} | ${cell(scenario.title)} | ${cell(row.label)} | ${row.server} | ${grouped(row.rps)} | ${ms(row.latencyMs.p50)} | ${ms(row.latencyMs.p95)} | ${ms(row.latencyMs.p99)} | ` +
          `${fixed(row.statementsPerRequest, 1)} | ${grouped(row.cpuMicrosPerRequest)} | ${grouped(row.cpuPercent)} | ${grouped(row.rssMaxBytes / MB)} | ${row.failures} |`,
      );
    }
  }
  lines.push('', '| # | target | measured | result |', '|---|---|---|---|');
  for (const scenario of results.scenarios) {
    for (const check of scenario.checks ?? []) {
      lines.push(`| ${scenario.id} | ${cell(check.target)} | ${cell(check.measured ?? '—')} | ${cell(verdict(check))} |`);
    }
  }
  const notes = results.scenarios.flatMap((s) => (s.notes ?? []).map((n) => `- ${s.id} ${s.title}: ${n}`));
  if (notes.length > 0) lines.push('', '**Notes**', '', ...notes);
  lines.push(
    '',
    '_req/s: responses per second over all rounds; p50/p95/p99: every response\'s latency under that load; SQL/req: statements per request sent one at a time between two reads of a counter ' +
      '(the API\'s /metrics, the baseline\'s own); CPU µs/req and CPU %: the serving process\'s user+system time (/proc); RSS MB: its largest resident memory during the runs; failed: non-2xx, socket errors and GraphQL errors._',
  );
  return `${lines.join('\n')}\n`;
}
