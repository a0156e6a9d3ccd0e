import { readFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { PRIOR_MS_PER_PAGE, type OcrBacklog, type OcrBacklogSnapshot } from '../http/admission/ocrDeadline.js';
import { keys, PRIORITY } from './fleetKeys.js';
import type { FleetQueues } from './fleetQueues.js';

const HEARTBEAT_EVERY_MS = 2000;
/** A worker not heard from for this long is counted out (killed, or its machine gone). */
const HEARTBEAT_STALE_MS = 10_000;
/** The API asks Redis at most this often; letters admitted meanwhile are counted by the API itself. */
const SNAPSHOT_CACHE_MS = 500;

export interface WorkerCapacity {
  /** OCR pages this worker reads at once (its OCR queue concurrency). */
  ocrSlots: number;
  /** What a page has been taking it when its OCR slots were all busy; null before the first. */
  msPerPage(): number | null;
  /** How long the OCR letter running longest has been running (0 when none is). */
  longestRunningMs(): number;
}

/**
 * The machine a worker runs on, the same for every process and container on one kernel: the
 * kernel's boot id (not namespaced, so containers share it; their host names differ), else the
 * host name.
 */
function machineId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || hostname();
  } catch {
    return hostname();
  }
}

/**
 * The fleet's capacity, in both directions: each worker says every 2 s that it is alive, how many
 * OCR slots it has, the machine it runs on and that machine's cores, and what a page has been
 * taking it: what the API's admission by deadline divides the OCR queue by and multiplies it with.
 */
export function startHeartbeat(redis: Redis, workerId: string, capacity: WorkerCapacity): { stop(): Promise<void> } {
  const machine = machineId();
  const cores = availableParallelism();
  const beat = async () => {
    const measured = capacity.msPerPage();
    await redis
      .multi()
      .hset(keys.worker(workerId), {
        ocrSlots: capacity.ocrSlots,
        machine,
        cores,
        msPerPage: measured === null ? '' : Math.round(measured),
        longestRunningMs: Math.round(capacity.longestRunningMs()),
      })
      .pexpire(keys.worker(workerId), HEARTBEAT_STALE_MS)
      .zadd(keys.workers(), Date.now(), workerId)
      .exec();
  };
  const timer = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  timer.unref();
  void beat().catch(() => undefined);
  return {
    async stop() {
      clearInterval(timer);
      // Counted out at once rather than after 15 s.
      await redis.multi().zrem(keys.workers(), workerId).del(keys.worker(workerId)).exec().catch(() => undefined);
    },
  };
}

export interface FleetStatus extends OcrBacklogSnapshot {
  workers: number;
}

/** What a worker's heartbeat says of its OCR. */
export interface WorkerOcr {
  ocrSlots: number;
  /** The machine it runs on (machineId), and that machine's cores; null from a worker that does not say. */
  machine: string | null;
  cores: number | null;
}

/**
 * The pages the fleet's OCR reads at once: each worker's slots, but on one machine never more than
 * its cores. A page is read by one thread that keeps a core busy, so two workers of two OCR slots
 * each on a 2-core machine read two pages at a time, not four; counting four let a burst of photos
 * in at twice the rate the machine reads them, and half of it timed out (npm run load --burst).
 * Where several workers of one machine say different cores (cpusets), the most any says. A time
 * per page measured while more pages than cores were read is itself longer, so the model is then
 * cautious; the correction OcrDeadlineAdmission learns from letters answered brings it back down.
 */
export function effectiveOcrSlots(workers: readonly WorkerOcr[]): number {
  const machines = new Map<string, { slots: number; cores: number }>();
  let slots = 0;
  for (const [i, worker] of workers.entries()) {
    if (worker.machine === null || worker.cores === null) {
      slots += worker.ocrSlots;
      continue;
    }
    const key = worker.machine || `unnamed-${i}`;
    const machine = machines.get(key) ?? { slots: 0, cores: 0 };
    machine.slots += worker.ocrSlots;
    machine.cores = Math.max(machine.cores, worker.cores);
    machines.set(key, machine);
  }
  for (const machine of machines.values()) slots += Math.min(machine.slots, machine.cores);
  return slots;
}

/**
 * The fleet's OCR backlog, for the API's admission by deadline: the single letters waiting for
 * OCR (batch letters wait behind them) and the pages being read, over the OCR slots of the workers
 * alive, at the time per page they measured.
 */
export function fleetBacklog(redis: Redis, queues: FleetQueues): OcrBacklog & { status(): Promise<FleetStatus> } {
  let cached: { at: number; value: FleetStatus } | null = null;
  async function status(): Promise<FleetStatus> {
    if (cached && Date.now() - cached.at < SNAPSHOT_CACHE_MS) return cached.value;
    await redis.zremrangebyscore(keys.workers(), '-inf', Date.now() - HEARTBEAT_STALE_MS);
    const ids = await redis.zrange(keys.workers(), 0, -1);
    const workers = await Promise.all(ids.map((id) => redis.hmget(keys.worker(id), 'ocrSlots', 'msPerPage', 'longestRunningMs', 'machine', 'cores')));
    let allSlots = 0;
    let weighted = 0;
    let measured = false;
    for (const [ocrSlots, msPerPage, longestRunningMs] of workers) {
      const n = Number(ocrSlots ?? 0);
      allSlots += n;
      if (msPerPage) measured = true;
      // As for this process's pool (poolBacklog): measured under load, else the prior, or longer when a page under way says so.
      weighted += n * Math.max(msPerPage ? Number(msPerPage) : PRIOR_MS_PER_PAGE, Number(longestRunningMs ?? 0));
    }
    const slots = effectiveOcrSlots(
      workers.map(([ocrSlots, , , machine, cores]) => ({ ocrSlots: Number(ocrSlots ?? 0), machine: machine ?? null, cores: cores ? Number(cores) : null })),
    );
    const ocr = queues.letters.ocr;
    const [waiting, active] = await Promise.all([ocr.getCountsPerPriority([PRIORITY.single]), ocr.getActiveCount()]);
    const value = {
      workers: ids.length,
      slots,
      msPerPage: allSlots > 0 ? weighted / allSlots : PRIOR_MS_PER_PAGE,
      pagesAhead: (waiting[PRIORITY.single] ?? 0) + active,
      measured,
    };
    cached = { at: Date.now(), value };
    return value;
  }
  return { snapshot: status, status };
}
