import { SingleBar } from 'cli-progress';
import type { HistoryImportService } from '@commons/server-analytics';

/**
 * Days rolled up after a seed: the dashboards' default year, plus the 30 days its first
 * day's windows (monthly actives) read. Rolling two years at size l takes twice as long.
 */
export const DEFAULT_ROLL_DAYS = 395;

export interface HistoryRun {
  importSeconds: number;
  rows: number;
  rolledDays: number;
  rollSeconds: number;
  meanDayMs: number;
  slowestDayMs: number;
}

/**
 * Imports the activity history of what the database holds (the seed writes with COPY: no
 * events, so no activity) and rolls up its last `rollDays` days, saying how long each took.
 */
export async function importAndRollHistory(history: HistoryImportService, options: { rollDays: number; say: (line: string) => void; tty?: boolean }): Promise<HistoryRun> {
  const { say } = options;
  say('Importing the activity history for analytics…');
  const imported = await history.importHistory();
  const importSeconds = imported.milliseconds / 1000;
  const parts = Object.entries(imported.rows)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n.toLocaleString('en')}`);
  say(`  ${imported.total.toLocaleString('en')} activity rows in ${importSeconds.toFixed(1)} s${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`);

  const days = history.daysToRoll(imported, options.rollDays);
  if (days.length === 0) return { importSeconds, rows: imported.total, rolledDays: 0, rollSeconds: 0, meanDayMs: 0, slowestDayMs: 0 };
  say(`Rolling up ${days.length} days (${days[0]} to ${days[days.length - 1]})…`);
  const bar = options.tty ? new SingleBar({ format: '[seed] days {bar} {value}/{total} · {day} · {eta_formatted} left', hideCursor: true }) : null;
  bar?.start(days.length, 0, { day: days[0] });
  let reported = 0;
  const rolled = await history
    .rollUp(days, (day, _ms, done) => {
      if (bar) bar.update(done, { day });
      else if (done - reported >= days.length / 10 || done === days.length) {
        reported = done;
        say(`  ${done} of ${days.length} days (${day})`);
      }
    })
    .finally(() => bar?.stop());
  const rollSeconds = rolled.milliseconds / 1000;
  say(`  rolled up in ${rollSeconds.toFixed(1)} s: ${Math.round(rolled.meanMs)} ms a day on average, the slowest ${Math.round(rolled.slowestMs)} ms.`);
  return { importSeconds, rows: imported.total, rolledDays: rolled.days, rollSeconds, meanDayMs: rolled.meanMs, slowestDayMs: rolled.slowestMs };
}
