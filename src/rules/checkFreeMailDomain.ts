import { readElement } from './shared/readElement.js';
import { isFreeMailDomain, mailDomain } from '../fields/shared/freeMailDomains.js';
import type { Rule } from './ruleContext.js';

/**
 * An offer sent from a free-mail address (gmail.com, outlook.com...) is not an official company
 * email: anyone can open such an account. When the email stands in for the letterhead, the
 * letterhead element is therefore not satisfied.
 */
export const checkFreeMailDomain: Rule = ({ elements, email }) => {
  const letterhead = readElement(elements, 'letterhead');
  const address = email?.from?.address ?? (letterhead?.kind === 'email' ? letterhead.sender : null);
  if (!address) return [];
  const domain = mailDomain(address);
  if (!domain || !isFreeMailDomain(domain)) return [];
  const emailIsTheLetterhead = letterhead?.kind === 'email';
  return [
    {
      code: 'EMAIL_FREE_MAIL_DOMAIN',
      severity: 'warning',
      element: 'letterhead',
      message: `The offer was sent from ${domain}, a free email service, not from a company address.${
        emailIsTheLetterhead ? ' An email counts in place of a letterhead only when it comes from the company\'s own domain.' : ''
      } Ask the employer to send the offer from a company email address or on company letterhead.`,
      ...(emailIsTheLetterhead
        ? { invalidates: { fix: "Please send the offer from a company email address, or as a letter on the company's letterhead." } }
        : { review: true }),
    },
  ];
};
