import { describe, expect, it } from 'vitest';
import { checkLearningObjectives } from '../../src/rules/checkLearningObjectives.js';
import { contextOf, missingElement, profileWith, withElements, withValue } from './letterFacts.js';

const three = profileWith({ rules: { minLearningObjectives: 3 } });

describe('checkLearningObjectives', () => {
  it('asks for no number unless the profile does', () => {
    expect(checkLearningObjectives(contextOf({ elements: withValue('learning_objectives', ['Learn one thing']) }))).toEqual([]);
  });

  it('passes three objectives', () => {
    expect(checkLearningObjectives(contextOf({ profile: three }))).toEqual([]);
  });

  it('refuses fewer than the minimum', () => {
    const findings = checkLearningObjectives(contextOf({ profile: three, elements: withValue('learning_objectives', ['Learn to test', 'Present results']) }));
    expect(findings).toEqual([expect.objectContaining({ code: 'LEARNING_OBJECTIVES_TOO_FEW', severity: 'error', element: 'learning_objectives' })]);
    expect(findings[0].message).toContain('2 learning objectives');
  });

  it('says none are listed when the profile does not require the element, and leaves that to ELEMENT_MISSING when it does', () => {
    const none = withElements({ learning_objectives: missingElement<'learning_objectives'>() });
    expect(checkLearningObjectives(contextOf({ profile: three, elements: none }))[0].message).toContain('no learning objectives');
    const requiring = profileWith({ requires: ['letterhead', 'learning_objectives'], rules: { minLearningObjectives: 3 } });
    expect(checkLearningObjectives(contextOf({ profile: requiring, elements: none }))).toEqual([]);
  });
});
