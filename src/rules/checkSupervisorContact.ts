import { readElement } from './shared/readElement.js';
import type { Rule } from './ruleContext.js';

const NEEDS = {
  either: { has: (email: boolean, phone: boolean) => email || phone, words: 'an email address or a phone number' },
  email: { has: (email: boolean) => email, words: 'an email address' },
  phone: { has: (_email: boolean, phone: boolean) => phone, words: 'a phone number' },
  both: { has: (email: boolean, phone: boolean) => email && phone, words: 'both an email address and a phone number' },
} as const;

/** Schools that contact the supervisor need an email, a phone number, or both (supervisorContactNeeds), not only a name. */
export const checkSupervisorContact: Rule = ({ elements, profile }) => {
  if (!profile.rules.supervisorContact) return [];
  const supervisor = readElement(elements, 'supervisor');
  const need = NEEDS[profile.rules.supervisorContactNeeds];
  if (!supervisor || need.has(Boolean(supervisor.email), Boolean(supervisor.phone))) return [];
  const given = supervisor.email ? ` and an email address only` : supervisor.phone ? ` and a phone number only` : ' but no email or phone number';
  return [
    {
      code: 'SUPERVISOR_CONTACT_MISSING',
      severity: 'error',
      element: 'supervisor',
      message: `The letter names your supervisor, ${supervisor.name},${given}. This school needs ${need.words} for the supervisor; ask the employer to add ${supervisor.email || supervisor.phone ? 'it' : 'one'}.`,
    },
  ];
};
