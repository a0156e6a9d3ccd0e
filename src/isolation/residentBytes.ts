import { readFileSync } from 'node:fs';

/**
 * The resident memory of another process, from /proc/<pid>/status (VmRSS, in kB): one small read,
 * cheap enough to poll several times a second while a reader works. Everything the process holds
 * counts, the JavaScript heap, native buffers, libvips and canvas pixels alike. null where there is
 * no /proc (not Linux) or the process has gone.
 */
export function residentBytes(pid: number): number | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return null;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}
