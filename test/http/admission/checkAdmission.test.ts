import { describe, expect, it } from 'vitest';
import { CheckAdmission } from '../../../src/http/admission/checkAdmission.js';

describe('CheckAdmission', () => {
  it("counts letters, a batch's each until it is checked", () => {
    const admission = new CheckAdmission(5);
    const batch = admission.tryAdmit(4)!;
    expect(admission.stats.admitted).toBe(4);
    expect(admission.tryAdmit(2)).toBeNull();
    expect(admission.stats.refused).toBe(1);
    const single = admission.tryAdmit(1)!;
    expect(admission.free).toBe(0);
    batch.releaseOne();
    batch.releaseOne();
    expect(batch.held).toBe(2);
    expect(admission.tryAdmit(2)).not.toBeNull();
    batch.releaseAll();
    batch.releaseAll();
    single.releaseOne();
    single.releaseOne(); // more releases than letters change nothing
    expect(admission.stats.admitted).toBe(2);
  });

  it('tells refused clients how long a letter has been taking lately, between 1 and 60 s', () => {
    let now = 0;
    const admission = new CheckAdmission(1, () => now);
    for (let i = 0; i < 20; i++) {
      const ticket = admission.tryAdmit(1)!;
      now += 8000;
      ticket.releaseOne();
    }
    expect(admission.stats.retryAfterSeconds).toBe(8);
    for (let i = 0; i < 40; i++) {
      const ticket = admission.tryAdmit(1)!;
      now += 600_000;
      ticket.releaseOne();
    }
    expect(admission.stats.retryAfterSeconds).toBe(60);
  });
});
