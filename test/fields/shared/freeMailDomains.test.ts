import { describe, expect, it } from 'vitest';
import { isFreeMailDomain, mailDomain } from '../../../src/fields/shared/freeMailDomains.js';

describe('free-mail domains', () => {
  it('takes the domain from an address with or without a display name', () => {
    expect(mailDomain('Jane Roe <Jane.Roe@Gmail.com>')).toBe('gmail.com');
    expect(mailDomain('hr@acmerobotics.example')).toBe('acmerobotics.example');
    expect(mailDomain('not an address')).toBeNull();
  });

  it.each(['gmail.com', 'yahoo.com', 'yahoo.co.uk', 'hotmail.fr', 'outlook.com', 'icloud.com', 'proton.me', 'qq.com', 'gmx.net'])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(['acmerobotics.com', 'mail.acmerobotics.com', 'gmail.acme.com', 'outlookanalytics.com', 'university.edu'])('%s is not', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});
