import { describe, expect, it } from 'vitest';
import { OcrDeadlineAdmission, poolBacklog, type OcrBacklogSnapshot } from '../../../src/http/admission/ocrDeadline.js';

const backlog = (snapshot: Omit<OcrBacklogSnapshot, 'measured'>, measured = true) => ({ snapshot: async () => ({ ...snapshot, measured }) });

describe('OcrDeadlineAdmission', () => {
  it('admits photos while the expected wait fits the deadline, counting those admitted before they reach a queue', async () => {
    // 2 slots at 1 s a page, a 10 s deadline read with 10% headroom: 16 pages ahead still fit, a 17th does not.
    const admission = new OcrDeadlineAdmission(backlog({ pagesAhead: 0, msPerPage: 1000, slots: 2 }), 10_000);
    const admitted = [];
    for (let i = 0; i < 17; i++) {
      const decision = await admission.tryAdmit(1);
      expect(decision.admitted).toBe(true);
      admitted.push(decision);
    }
    expect(admission.reservedPages).toBe(17);
    const refused = await admission.tryAdmit(1);
    expect(refused).toMatchObject({ admitted: false, expectedWaitMs: 9500, retryAfterSeconds: 2 });

    // A letter answered frees its pages.
    for (const decision of admitted.slice(0, 2)) if (decision.admitted) decision.release();
    expect(admission.reservedPages).toBe(15);
    expect((await admission.tryAdmit(1)).admitted).toBe(true);
  });

  it('a queue longer than what this process admitted (scans, other API processes) counts as it is', async () => {
    // 60 pages over 2 slots at 2 s a page: 60 s before a page of this letter is read, past 90% of 60 s.
    const admission = new OcrDeadlineAdmission(backlog({ pagesAhead: 60, msPerPage: 2000, slots: 2 }), 60_000);
    const refused = await admission.tryAdmit(1);
    expect(refused).toMatchObject({ admitted: false, expectedWaitMs: 62_000, retryAfterSeconds: 9 });
    // Twice the slots (two workers): half the wait.
    const twice = new OcrDeadlineAdmission(backlog({ pagesAhead: 60, msPerPage: 2000, slots: 4 }), 60_000);
    expect(await twice.tryAdmit(1)).toMatchObject({ admitted: true, expectedWaitMs: 32_000 });
    // A 13-page TIFF needs room for all its pages.
    expect(await twice.tryAdmit(13)).toMatchObject({ admitted: false, expectedWaitMs: 56_000 });
  });

  it('with no OCR slot anywhere (no worker up), a photo is refused at once', async () => {
    const refused = await new OcrDeadlineAdmission(backlog({ pagesAhead: 0, msPerPage: 2000, slots: 0 }), 60_000).tryAdmit(1);
    expect(refused).toMatchObject({ admitted: false, retryAfterSeconds: 10 });
  });

  it("reads this process's pool: the pages queued and being read, the measured time per page, the prior before any, a slower page under way", async () => {
    expect(await poolBacklog({ stats: () => ({ size: 2, busy: 2, queued: 5, msPerTask: null, longestRunningMs: 800 }) }).snapshot()).toEqual({ pagesAhead: 7, msPerPage: 2000, slots: 2, measured: false });
    expect(await poolBacklog({ stats: () => ({ size: 2, busy: 0, queued: 0, msPerTask: 1450, longestRunningMs: 0 }) }).snapshot()).toEqual({ pagesAhead: 0, msPerPage: 1450, slots: 2, measured: true });
    expect(await poolBacklog({ stats: () => ({ size: 2, busy: 2, queued: 3, msPerTask: 1450, longestRunningMs: 6000 }) }).snapshot()).toEqual({ pagesAhead: 5, msPerPage: 6000, slots: 2, measured: true });
  });

  it('learns from letters that took longer than expected (CPU taken by other work) and expects more of the next', async () => {
    let clock = 0;
    const state = { pagesAhead: 0, msPerPage: 1000, slots: 2, measured: true };
    const admission = new OcrDeadlineAdmission({ snapshot: async () => ({ ...state }) }, 20_000, () => clock);
    const first = await admission.tryAdmit(1);
    expect(first).toMatchObject({ admitted: true, expectedWaitMs: 1000 });
    // Expected 1 s, took 11 s: the next expectation is corrected by 0.7 + 0.3 x 11 = 4.
    clock += 11_000;
    if (first.admitted) first.release();
    expect(admission.correction).toBeCloseTo(4);
    expect(await admission.tryAdmit(1)).toMatchObject({ admitted: true, expectedWaitMs: 4000 });
    // A queue the model alone would take (8 / 2 + 1) x 1 s = 5 s for is, corrected, 20 s: past 90% of the deadline.
    state.pagesAhead = 8;
    expect(await admission.tryAdmit(1)).toMatchObject({ admitted: false, expectedWaitMs: 20_000 });
  });

  it('a letter still unanswered past what was modelled for it raises the expectation at once', async () => {
    let clock = 0;
    const admission = new OcrDeadlineAdmission(backlog({ pagesAhead: 0, msPerPage: 1000, slots: 2 }), 20_000, () => clock);
    expect(await admission.tryAdmit(1)).toMatchObject({ admitted: true, expectedWaitMs: 1000 });
    clock += 6000; // modelled 1 s, still unanswered after 6
    expect(admission.correction).toBe(6);
    expect(await admission.tryAdmit(1)).toMatchObject({ admitted: true, expectedWaitMs: 9000 });
    clock += 6000; // the first, modelled 1 s, now 12 s unanswered: (2 / 2 + 1) x 1 s x 12
    expect(await admission.tryAdmit(1)).toMatchObject({ admitted: false, expectedWaitMs: 24_000 });
  });

  it('nothing is learnt against the prior: the measured time per page that follows says it already', async () => {
    let clock = 0;
    const admission = new OcrDeadlineAdmission(backlog({ pagesAhead: 0, msPerPage: 2000, slots: 2 }, false), 20_000, () => clock);
    const decision = await admission.tryAdmit(1);
    clock += 8000;
    if (decision.admitted) decision.release();
    expect(admission.correction).toBe(1);
  });
});
