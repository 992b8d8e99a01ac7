/**
 * Which process a pid names, where the system can say (Linux): its boot and its start, in clock
 * ticks since that boot. A lock names its owner by pid, and once that process is gone (killed, or
 * the machine restarted) the pid may be given to another, which would hold the lock for ever. Pid
 * and start together name one process; no wall clock is read, so a clock set forward or back (a
 * VM's first sync after boot) cannot make a live owner look like another process.
 */
import { readFileSync } from 'node:fs';

/** "<boot id>/<start ticks>" for `pid`, or undefined where it cannot be told (another system, no such process). */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may itself hold spaces and parentheses: fields are counted after its last ')'.
    // From there the first is field 3 (state), so field 22 (starttime) is the 20th.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return start && /^\d+$/.test(start) && boot ? `${boot}/${start}` : undefined;
  } catch {
    return undefined;
  }
}
