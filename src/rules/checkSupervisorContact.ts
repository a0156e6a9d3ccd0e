import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

/** Schools that contact the supervisor need an email or a phone number, not only a name. */
export const checkSupervisorContact: Rule = ({ elements, profile }) => {
  if (!profile.rules.supervisorContact) return [];
  const supervisor = readElement(elements, 'supervisor');
  if (!supervisor || supervisor.email || supervisor.phone) return [];
  return [
    {
      code: 'SUPERVISOR_CONTACT_MISSING',
      severity: 'error',
      element: 'supervisor',
      message: `The letter names your supervisor, ${supervisor.name}, but gives no email or phone number. This school needs a way to contact the supervisor; ask the employer to add one.`,
    },
  ];
};
