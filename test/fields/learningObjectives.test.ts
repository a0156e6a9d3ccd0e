import { describe, expect, it } from 'vitest';
import { letterFromText } from '../../src/fields/letter.js';
import { extractLearningObjectives } from '../../src/fields/learningObjectives.js';

const objectives = (text: string) => extractLearningObjectives(letterFromText(text));

describe('extractLearningObjectives', () => {
  it('reads each item of a numbered list under "Learning objectives"', () => {
    const r = objectives(
      'Dear Ana,\n\nWe are pleased to offer you an internship.\n\nLearning objectives:\n1. Learn to build data pipelines.\n2. Apply regression models from coursework to sales data.\n3. Present findings to the analytics team.\n\nSincerely,\nMarcus Bell',
    );
    expect(r.status).toBe('present');
    expect(r.value).toEqual(['Learn to build data pipelines.', 'Apply regression models from coursework to sales data.', 'Present findings to the analytics team.']);
    expect(r.evidence).toHaveLength(3);
  });

  it('reads bullets under "Student Learning Goals" and items written on the heading line', () => {
    expect(objectives('Student Learning Goals\n• Design a test plan\n• Automate the regression suite\n\nWe look forward to working with you.').value).toEqual(['Design a test plan', 'Automate the regression suite']);
    expect(objectives('Learning outcomes: write SQL reports; document the data model; present to the team.').value).toEqual(['write SQL reports', 'document the data model', 'present to the team']);
  });

  it('finds none in a letter without such a heading, or a heading with no items under it', () => {
    expect(objectives('Dear Ana,\n\nYou will build dashboards and present results.\n\nSincerely,\nMarcus Bell').status).toBe('missing');
    const r = objectives('Our goals\nWe want every intern to grow.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/^Please list the learning objectives/);
  });
});
