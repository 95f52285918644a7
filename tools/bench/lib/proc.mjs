// CPU and memory of a process from /proc (Linux), without touching the process itself.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system) the process has used so far, and its resident memory now. */
export function processStats(pid) {
  // Fields after the command name (which may contain spaces) start at field 3; utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userSeconds = Number(fields[11]) / clockTicks();
  const systemSeconds = Number(fields[12]) / clockTicks();
  const cpuSeconds = userSeconds + systemSeconds;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/mu.exec(status)?.[1] ?? 0);
  return { cpuSeconds, userSeconds, systemSeconds, rssBytes: rssKb * 1024 };
}

/** Samples a process while something runs: CPU used in between, and the largest RSS seen. */
export function sampleProcess(pid, intervalMs = 200) {
  const start = processStats(pid);
  let rssMaxBytes = start.rssBytes;
  const timer = setInterval(() => {
    try {
      rssMaxBytes = Math.max(rssMaxBytes, processStats(pid).rssBytes);
    } catch {
      // The process ended; stop() reports what was seen.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const end = processStats(pid);
      return { cpuSeconds: end.cpuSeconds - start.cpuSeconds, rssMaxBytes: Math.max(rssMaxBytes, end.rssBytes), rssEndBytes: end.rssBytes };
    },
  };
}

/** The whole machine's CPU so far (/proc/stat): busy and total jiffies over every core. */
export function machineCpu() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/u).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((s, n) => s + n, 0);
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Share of the machine's CPU (0–1 of all cores) busy between two machineCpu() readings. */
export const machineBusy = (a, b) => (b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : NaN);

/**
 * CPU seconds used so far by the PostgreSQL backends serving `database` (their process title
 * names it), by pid: other databases' backends (another
 * engineer's tests) are left out. Backends that ended in between are lost; pooled ones last.
 */
export function postgresCpu(database) {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      // "postgres: [cluster: ]user database client state" (Debian's clusters prefix their name).
      const match = /^postgres: (?:\S+: )?\S+ (\S+) /u.exec(cmdline.replaceAll('\0', ' '));
      if (match?.[1] !== database) continue;
      byPid.set(entry, processStats(entry).cpuSeconds);
    } catch {
      // The process ended meanwhile.
    }
  }
  return byPid;
}

/** CPU seconds the backends of two postgresCpu() readings used in between (new backends count whole). */
export function postgresCpuBetween(before, after) {
  let seconds = 0;
  for (const [pid, cpu] of after) seconds += cpu - (before.get(pid) ?? 0);
  return seconds;
}
