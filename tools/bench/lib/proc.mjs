// CPU and memory of a process from /proc (Linux), without touching the process itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / clockTicks();
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/mu.exec(status)?.[1] ?? 0);
  return { cpuSeconds, rssBytes: rssKb * 1024 };
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
