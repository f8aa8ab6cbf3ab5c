import fs from 'node:fs';

/** @returns {number | null} seconds of CPU the main thread used (user + system), from /proc on Linux; null elsewhere. */
export function mainThreadCpu() {
  try {
    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // in clock ticks, 100 a second on Linux (getconf CLK_TCK)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
