import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText } from '../../src/fields/letter.js';
import { extractPositionType } from '../../src/fields/positionType.js';

function kind(text: string) {
  return extractPositionType(letterFromText(text));
}

describe('extractPositionType', () => {
  it.each([
    ['We are pleased to offer you a summer internship with our Data Platform group.', 'internship'],
    ['On behalf of Lumenfield Energy Corp., I am pleased to offer you the position of Data Science Intern.', 'internship'],
    ['This is a paid internship position.', 'internship'],
    ['We are pleased to offer you a micro-internship in January.', 'internship'],
    ['This letter confirms your co-op with the Propulsion team.', 'co-op'],
    ['This is a cooperative education (co-op) position.', 'co-op'],
    ['We are delighted to offer you a Co-operative Education work term.', 'co-op'],
    ['Position: Software Developer Co-op', 'co-op'],
    ['Position type: Internship', 'internship'],
  ] as const)('%s -> %s', (text, expected) => {
    const r = kind(text);
    expect(r.status).toBe('present');
    expect(r.value).toBe(expected);
    expect(r.evidence[0].quote).toBe(text);
  });

  it('prefers the offered position when both words appear', () => {
    const r = kind(`Many of our previous interns have gone on to full-time roles.
We are pleased to offer you a six-month co-op as a Mechanical Engineering Co-op.`);
    expect(r.value).toBe('co-op');
  });

  it('prefers the internship offered over a co-op mentioned in passing', () => {
    const r = kind(`Unlike our co-op program, this position is a 10-week summer internship.
We are pleased to offer you the position of Marketing Analytics Intern.`);
    expect(r.value).toBe('internship');
  });

  it('ignores "not a co-op"', () => {
    const r = kind('Please note this is not a co-op position. We are pleased to offer you the internship described below.');
    expect(r.value).toBe('internship');
  });

  it('does not read "international", "internal" or a .coop domain', () => {
    const r = kind('Our international team uses internal tools. Email us at jobs@everglowsolar.coop. We are pleased to offer you a position as Analyst.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/internship or a co-op/);
  });

  it('does not take a cooperative in the company name for a co-op', () => {
    const r = kind('Everglow Solar Cooperative is pleased to offer you a summer internship.');
    expect(r.value).toBe('internship');
  });

  it('reads the position type from a wrapped sentence and quotes the letter text exactly', () => {
    const text = 'On behalf of Quillstone Software LLC, I am pleased to offer you a\ncooperative education (co-op) position in our Platform group.';
    const r = kind(text);
    expect(r.value).toBe('co-op');
    expect(pageText(text)).toContain(r.evidence[0].quote);
  });
});
