import { describe, expect, it } from 'vitest';
import { checkFreeMailDomain } from '../../src/rules/checkFreeMailDomain.js';
import { contextOf, emailFrom, withValue } from './letterFacts.js';

const emailLetterhead = (sender: string) => withValue('letterhead', { kind: 'email', organization: null, sender });

describe('checkFreeMailDomain', () => {
  it('passes an email from the company domain', () => {
    expect(checkFreeMailDomain(contextOf({ elements: emailLetterhead('hr@acmerobotics.com'), email: emailFrom('hr@acmerobotics.com') }))).toEqual([]);
  });

  it('passes a letter that is not an email', () => {
    expect(checkFreeMailDomain(contextOf())).toEqual([]);
  });

  it('warns about a free-mail sender and, when the email is the letterhead, marks it not acceptable', () => {
    const findings = checkFreeMailDomain(contextOf({ elements: emailLetterhead('acme.hr@gmail.com'), email: emailFrom('Acme HR <acme.hr@gmail.com>') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'EMAIL_FREE_MAIL_DOMAIN', severity: 'warning', element: 'letterhead' });
    expect(findings[0].message).toContain('gmail.com');
    expect(findings[0].message).toContain("company's own domain");
    expect(findings[0].invalidates?.fix).toContain('company email address');
  });

  it('reads the sender from the letterhead when the envelope is not given', () => {
    expect(checkFreeMailDomain(contextOf({ elements: emailLetterhead('recruiter@yahoo.co.uk') }))).toHaveLength(1);
  });

  it('only asks for review when a real letterhead came attached to a free-mail message', () => {
    const [finding] = checkFreeMailDomain(contextOf({ email: emailFrom('acme.hr@outlook.com') }));
    expect(finding.invalidates).toBeUndefined();
    expect(finding.review).toBe(true);
  });
});
