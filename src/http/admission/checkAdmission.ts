/** One admitted request's letters: each is released once it has been checked (or given up on). */
export interface CheckTicket {
  readonly letters: number;
  /** Letters still held. */
  readonly held: number;
  releaseOne(): void;
  releaseAll(): void;
}

export interface AdmissionStats {
  /** Letters admitted and not yet checked: single letters and batch letters alike. */
  admitted: number;
  refused: number;
  /** Seconds a letter has been taking lately, smoothed: what Retry-After tells a refused client. */
  retryAfterSeconds: number;
}

/**
 * The bounded queue in front of the checker, counted in letters: at most `maxLetters` (MAX_QUEUE)
 * letters are admitted at once, whether they came alone or in a batch, and each holds its place
 * until it has been checked. Memory for admitted letters is therefore bounded by MAX_QUEUE x
 * MAX_UPLOAD_BYTES. Admission happens once a body is complete, so a slow upload holds no place.
 */
export class CheckAdmission {
  readonly stats: AdmissionStats = { admitted: 0, refused: 0, retryAfterSeconds: 1 };
  private smoothedMs = 1000;

  constructor(
    private readonly maxLetters: number,
    private readonly now: () => number = Date.now,
  ) {}

  get free(): number {
    return this.maxLetters - this.stats.admitted;
  }

  /** A ticket for `letters` letters, or null (counted as a refusal) when they do not all fit now. */
  tryAdmit(letters: number): CheckTicket | null {
    if (letters > this.free) {
      this.refuse();
      return null;
    }
    this.stats.admitted += letters;
    let held = letters;
    let since = this.now();
    const releaseOne = () => {
      if (held === 0) return;
      held -= 1;
      this.stats.admitted -= 1;
      const now = this.now();
      this.smoothedMs = this.smoothedMs * 0.8 + (now - since) * 0.2;
      this.stats.retryAfterSeconds = Math.min(60, Math.max(1, Math.ceil(this.smoothedMs / 1000)));
      // The next letter of a batch starts its own clock: a batch's letters are checked one after another.
      since = now;
    };
    return {
      letters,
      get held() {
        return held;
      },
      releaseOne,
      releaseAll: () => {
        while (held > 0) releaseOne();
      },
    };
  }

  /** Counts a refusal made before admission was even asked for (the queue was already full). */
  refuse(): void {
    this.stats.refused += 1;
  }
}
