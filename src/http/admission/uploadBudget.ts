export interface UploadBudgetLimits {
  /** MAX_UPLOADS_PER_CLIENT: bodies being received at once from one client (a key, or an address). */
  perClient: number;
  /** MAX_UPLOAD_BYTES_IN_FLIGHT: bytes the bodies being received may claim, all together. */
  bytes: number;
}

export interface UploadSlot {
  release(): void;
}

/**
 * What uploads still arriving may hold, apart from the checks: a count per client, so that one
 * address (or key) cannot hold every upload, and a byte budget over all of them, claimed from each
 * body's announced length, so that bodies still arriving cannot take the memory. A body larger
 * than the whole budget is taken when nothing else is arriving, so no allowed upload is impossible.
 */
export class UploadBudget {
  private readonly perClient = new Map<string, number>();
  private bytesClaimed = 0;
  private uploads = 0;

  constructor(private readonly limits: UploadBudgetLimits) {}

  get inFlight(): { uploads: number; bytes: number } {
    return { uploads: this.uploads, bytes: this.bytesClaimed };
  }

  /** A slot for a body of up to `bytes` from `client`, or why not. */
  tryStart(client: string, bytes: number): UploadSlot | 'client-busy' | 'full' {
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) return 'client-busy';
    if (this.uploads > 0 && this.bytesClaimed + bytes > this.limits.bytes) return 'full';
    this.perClient.set(client, mine + 1);
    this.bytesClaimed += bytes;
    this.uploads += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (this.perClient.get(client) ?? 1) - 1;
        if (left === 0) this.perClient.delete(client);
        else this.perClient.set(client, left);
        this.bytesClaimed -= bytes;
        this.uploads -= 1;
      },
    };
  }
}
