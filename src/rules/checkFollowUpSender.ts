import { nameOfDocument } from '../case/mergeCase.js';
import { ELEMENT_NAMES } from '../report/index.js';
import { isFreeMailDomain, mailDomain } from '../fields/shared/freeMailDomains.js';
import type { Rule } from './ruleContext.js';

/**
 * A follow-up sent from a free-mail address (gmail.com...) is not official: anyone can send it. It
 * never stands for the company's letterhead (the case's merge already leaves its letterhead out),
 * and what it adds to the letter rests on an address the office cannot trace to the employer, so
 * an advisor has to confirm it.
 */
export const checkFollowUpSender: Rule = ({ documents, merge }) =>
  documents.flatMap((document) => {
    const domain = document.role === 'follow-up' && document.sender ? mailDomain(document.sender) : null;
    if (!domain || !isFreeMailDomain(domain)) return [];
    const supplied = ELEMENT_NAMES.filter((name) => merge.sources[name] === document.index);
    if (supplied.length === 0) return [];
    const ref = { index: document.index, fileName: document.fileName };
    return [
      {
        code: 'FOLLOW_UP_FREE_MAIL_DOMAIN' as const,
        severity: 'warning' as const,
        element: supplied[0],
        message: `${nameOfDocument(ref).replace(/^d/, 'D')} was sent from ${domain}, a free email service, not from a company address, and the case takes ${supplied.map((n) => n.replace(/_/g, ' ')).join(', ')} from it. Ask the employer to confirm from a company email address.`,
        review: true,
      },
    ];
  });
