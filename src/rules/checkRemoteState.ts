import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/** For remote work the office records the state the student works from; a letter that only says "remote" leaves it open. */
export const checkRemoteState: Rule = ({ elements }) => {
  const site = readElement(elements, 'work_location');
  if (!site || site.mode !== 'remote' || site.state) return [];
  return [
    {
      code: 'REMOTE_NO_STATE',
      severity: 'info',
      element: 'work_location',
      message: 'The position is remote, but the letter does not say in which state you will work. The office may ask you, or the employer, for the state of your residence.',
      review: true,
    },
  ];
};
