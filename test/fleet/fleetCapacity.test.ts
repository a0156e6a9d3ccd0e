import { describe, expect, it } from 'vitest';
import { effectiveOcrSlots } from '../../src/fleet/fleetCapacity.js';

describe('effectiveOcrSlots', () => {
  it("counts the workers' OCR slots, but on one machine never more than its cores", () => {
    // npm run load --redis --workers 2 on this 2-core machine: two workers of two OCR slots each.
    expect(effectiveOcrSlots([{ ocrSlots: 2, machine: 'boot-a', cores: 2 }, { ocrSlots: 2, machine: 'boot-a', cores: 2 }])).toBe(2);
    // The same two workers on machines of their own.
    expect(effectiveOcrSlots([{ ocrSlots: 2, machine: 'boot-a', cores: 2 }, { ocrSlots: 2, machine: 'boot-b', cores: 2 }])).toBe(4);
    // Fewer slots than cores: the slots.
    expect(effectiveOcrSlots([{ ocrSlots: 1, machine: 'boot-a', cores: 8 }, { ocrSlots: 2, machine: 'boot-a', cores: 8 }])).toBe(3);
  });

  it('takes the most cores any worker of a machine says, counts a worker without OCR as none, and one that names no machine as it says', () => {
    expect(effectiveOcrSlots([{ ocrSlots: 4, machine: 'boot-a', cores: 2 }, { ocrSlots: 4, machine: 'boot-a', cores: 6 }])).toBe(6);
    expect(effectiveOcrSlots([{ ocrSlots: 0, machine: 'boot-a', cores: 2 }])).toBe(0);
    expect(effectiveOcrSlots([{ ocrSlots: 3, machine: null, cores: null }, { ocrSlots: 2, machine: 'boot-a', cores: 1 }])).toBe(4);
    expect(effectiveOcrSlots([])).toBe(0);
  });
});
