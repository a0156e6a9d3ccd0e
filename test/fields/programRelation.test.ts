import { describe, expect, it } from 'vitest';
import { letterFromText } from '../../src/fields/letter.js';
import { extractProgramRelation } from '../../src/fields/programRelation.js';

const relation = (text: string) => extractProgramRelation(letterFromText(text));

describe('extractProgramRelation', () => {
  it.each([
    'This internship is directly related to your major in Computer Science.',
    'The work relates directly to your program of study in Mechanical Engineering.',
    'In this role you will apply the statistics and machine-learning methods from your coursework to real customer data.',
    'The co-op is an integral part of your degree program in Chemical Engineering.',
    "The project builds on the student's studies in urban planning.",
  ])('finds the statement in "%s"', (sentence) => {
    const r = relation(`Dear Ana,\n\nWe are pleased to offer you an internship as a Data Analyst Intern.\n${sentence}\n\nSincerely,\nMarcus Bell`);
    expect(r.status).toBe('present');
    expect(r.value).toBe(sentence);
    expect(r.evidence[0].quote).toBe(sentence);
  });

  it('reads a labelled statement', () => {
    const r = relation('Position: Data Analyst Intern\nRelation to academic program: The analysis work applies the econometrics of the student\'s Economics degree.');
    expect(r).toMatchObject({ status: 'present', value: "The analysis work applies the econometrics of the student's Economics degree." });
  });

  it.each([
    'We are pleased to offer you a position in our summer internship program.',
    "Please apply for work authorization through your school's international student program.",
    'A Bachelor\'s degree in Computer Science is preferred.',
    'You will join our rotation program and receive mentorship from senior engineers.',
  ])('finds none in "%s"', (sentence) => {
    const r = relation(`Dear Ana,\n\n${sentence}\n\nSincerely,\nMarcus Bell`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/^Please add a sentence on how the work relates/);
  });
});
