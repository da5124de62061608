/**
 * The peak resident memory of this process, for benchmarks and memory tests
 * that measure a child process of their own.
 *
 * Not `process.resourceUsage().maxRSS`: on Linux a child started by a large
 * process reports at least its parent's peak (the high-water mark survives fork
 * and exec), so a query run by a 530 MB benchmark read 530 MB whatever it used.
 * The kernel's `VmHWM` belongs to the process's own memory, which exec replaces;
 * where there is no /proc, maxRSS is the best there is.
 */
import { readFileSync } from 'node:fs';

/** Peak resident memory of this process since it started its program, in KB. */
export function peakMemoryKb(): number {
  try {
    const peak = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (peak !== undefined) return Number(peak);
  } catch {
    // No /proc (macOS): fall through.
  }
  return process.resourceUsage().maxRSS;
}
