import { describe, expect, it } from 'vitest';
import { UploadBudget, type UploadSlot } from '../../../src/http/admission/uploadBudget.js';

const slot = (s: ReturnType<UploadBudget['tryStart']>) => {
  expect(typeof s).toBe('object');
  return s as UploadSlot;
};

describe('UploadBudget', () => {
  it('counts uploads per client: one address cannot hold every upload', () => {
    const budget = new UploadBudget({ perClient: 2, bytes: 1_000_000 });
    const a1 = slot(budget.tryStart('ip:192.0.2.1', 10));
    slot(budget.tryStart('ip:192.0.2.1', 10));
    expect(budget.tryStart('ip:192.0.2.1', 10)).toBe('client-busy');
    slot(budget.tryStart('ip:192.0.2.2', 10));
    slot(budget.tryStart('key:abc', 10));
    a1.release();
    a1.release(); // twice is once
    slot(budget.tryStart('ip:192.0.2.1', 10));
    expect(budget.tryStart('ip:192.0.2.1', 10)).toBe('client-busy');
    expect(budget.inFlight).toEqual({ uploads: 4, bytes: 40 });
  });

  it('claims bytes against one budget for everyone; a body larger than the budget still goes when nothing else is arriving', () => {
    const budget = new UploadBudget({ perClient: 10, bytes: 1000 });
    const big = slot(budget.tryStart('ip:192.0.2.1', 800));
    expect(budget.tryStart('ip:192.0.2.2', 300)).toBe('full');
    const small = slot(budget.tryStart('ip:192.0.2.3', 200));
    big.release();
    small.release();
    expect(budget.inFlight).toEqual({ uploads: 0, bytes: 0 });
    const huge = slot(budget.tryStart('ip:192.0.2.4', 5000));
    expect(budget.tryStart('ip:192.0.2.5', 1)).toBe('full');
    huge.release();
    slot(budget.tryStart('ip:192.0.2.5', 1));
  });
});
