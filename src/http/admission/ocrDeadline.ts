/** What OCR has ahead of a new page, wherever it runs (this process's pool, or the fleet's workers). */
export interface OcrBacklog {
  /**
   * Pages waiting for OCR or being read that a new page would wait behind, the time a page has
   * been taking one OCR slot lately, and the slots there are (0: nothing can read a page now).
   */
  snapshot(): Promise<OcrBacklogSnapshot>;
}

export interface OcrBacklogSnapshot {
  pagesAhead: number;
  msPerPage: number;
  slots: number;
  /** msPerPage was measured (false: the prior, nothing measured yet). */
  measured: boolean;
}

export type DeadlineDecision =
  | { admitted: true; expectedWaitMs: number; release(): void }
  | { admitted: false; expectedWaitMs: number; retryAfterSeconds: number };

/** A page is expected to be read within this share of the deadline: the measured time per page varies. */
const HEADROOM = 0.9;
/** Retry-After when no OCR slot exists at all (no worker yet): workers start in seconds. */
const NO_SLOTS_RETRY_SECONDS = 10;
const MAX_RETRY_AFTER_SECONDS = 120;
/** The bounds of the correction learnt from letters answered (OcrDeadlineAdmission.learn). */
const MIN_CORRECTION = 0.5;
const MAX_CORRECTION = 20;

/**
 * Admission by deadline for letters read by OCR (photos and scans): the expected wait is the pages
 * ahead, over the slots reading them, times the measured time per page, plus the letter's own pages,
 * corrected by how long the letters admitted lately took against that model (see correction).
 * When that would pass the request's deadline, the letter is refused at once (503 OVERLOADED with a
 * Retry-After) rather than left to time out after waiting. Pages admitted here count as ahead of the
 * next letter from the moment they are admitted, before they reach a queue, so that a burst that
 * arrives all at once is measured as the burst it is.
 */
export class OcrDeadlineAdmission {
  /** Letters admitted and not answered yet: their pages, when they were admitted, what the model said of them. */
  private readonly held = new Set<{ pages: number; admittedAt: number; modelledMs: number }>();
  /** How long letters really took against what was modelled for them, smoothed (see learn()). */
  private calibration = 1;

  constructor(
    private readonly backlog: OcrBacklog,
    /** REQUEST_TIMEOUT_MS: how long a check may take, waiting included. */
    private readonly deadlineMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Pages admitted here whose letters have not been answered yet. */
  get reservedPages(): number {
    let pages = 0;
    for (const letter of this.held) pages += letter.pages;
    return pages;
  }

  /**
   * The factor the model's expectations are multiplied by: what answered letters have taught, or
   * more while a letter still unanswered has already taken longer than modelled (a machine that
   * has just become busier shows there first).
   */
  get correction(): number {
    const now = this.now();
    let correction = this.calibration;
    for (const letter of this.held) correction = Math.max(correction, (now - letter.admittedAt) / letter.modelledMs);
    return Math.min(MAX_CORRECTION, correction);
  }

  async tryAdmit(pages: number): Promise<DeadlineDecision> {
    const { pagesAhead, msPerPage, slots, measured } = await this.backlog.snapshot();
    // From here on nothing waits, so two letters arriving together see each other's reservation.
    if (slots <= 0) return { admitted: false, expectedWaitMs: Infinity, retryAfterSeconds: NO_SLOTS_RETRY_SECONDS };
    const ahead = Math.max(pagesAhead, this.reservedPages);
    const modelledMs = (ahead / slots + pages) * msPerPage;
    const expectedWaitMs = Math.round(modelledMs * this.correction);
    const allowedMs = this.deadlineMs * HEADROOM;
    if (expectedWaitMs > allowedMs) {
      // The backlog shrinks by one second of work per second: by then this letter would fit.
      const retryAfterSeconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.ceil((expectedWaitMs - allowedMs) / 1000) + 1);
      return { admitted: false, expectedWaitMs, retryAfterSeconds };
    }
    const letter = { pages, admittedAt: this.now(), modelledMs };
    this.held.add(letter);
    return {
      admitted: true,
      expectedWaitMs,
      release: () => {
        if (!this.held.delete(letter)) return;
        // Against the prior nothing is learnt: the measured time per page that follows will already say it.
        if (measured) this.learn(modelledMs, this.now() - letter.admittedAt);
      },
    };
  }

  /**
   * What the model leaves out (the CPU that text letters and other processes take from OCR, a
   * reader queue a photo's fields then wait in) shows as letters taking longer than modelled: the
   * ratio of the two, smoothed, corrects the next expectations, up as well as down. A letter
   * answered PROCESSING_TIMEOUT counts with the whole deadline it took.
   */
  private learn(modelledMs: number, tookMs: number): void {
    if (modelledMs <= 0) return;
    const ratio = tookMs / modelledMs;
    this.calibration = Math.min(MAX_CORRECTION, Math.max(MIN_CORRECTION, this.calibration * 0.7 + ratio * 0.3));
  }
}

/** A page's OCR time before any has been measured: what one page takes one worker on one core (README, bench). */
export const PRIOR_MS_PER_PAGE = 2000;

export interface PoolStatsForBacklog {
  size: number;
  busy: number;
  queued: number;
  msPerTask: number | null;
  longestRunningMs: number;
}

/**
 * The backlog of this process's own OCR pool (embedded mode): its queue and the pages being read,
 * at the time a page has been taking a worker lately (the prior before any), or longer when a page
 * under way has already taken longer: a machine that has just become busier is seen at once.
 */
export function poolBacklog(pool: { stats(): PoolStatsForBacklog }): OcrBacklog {
  return {
    async snapshot() {
      const stats = pool.stats();
      return {
        pagesAhead: stats.queued + stats.busy,
        msPerPage: Math.max(stats.msPerTask ?? PRIOR_MS_PER_PAGE, stats.longestRunningMs),
        slots: stats.size,
        measured: stats.msPerTask !== null,
      };
    },
  };
}
