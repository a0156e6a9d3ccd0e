import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/**
 * Offices whose checklist asks for learning objectives want a number of them (often three). A
 * letter that lists none is ELEMENT_MISSING where the profile requires the element; otherwise
 * this rule says so itself.
 */
export const checkLearningObjectives: Rule = ({ elements, profile }) => {
  const minimum = profile.rules.minLearningObjectives;
  if (minimum === null) return [];
  const objectives = readElement(elements, 'learning_objectives') ?? [];
  if (objectives.length >= minimum) return [];
  if (objectives.length === 0 && profile.requires.includes('learning_objectives')) return [];
  return [
    {
      code: 'LEARNING_OBJECTIVES_TOO_FEW',
      severity: 'error',
      element: 'learning_objectives',
      message: `The letter lists ${objectives.length === 0 ? 'no learning objectives' : `${objectives.length} learning objective${objectives.length === 1 ? '' : 's'}`}; this office asks for at least ${minimum}. Ask the employer to list what you will learn, one objective per line.`,
    },
  ];
};
