import { describe, expect, it } from 'vitest';
import { domainOf, findOrgNames, isFreeMail, isOrgLine, namesForDomain, orgMatchesDomain, withoutLegalForm } from '../../../src/fields/shared/orgNames.js';

describe('findOrgNames', () => {
  it.each([
    ['Welcome to Acme Robotics, Inc. as our intern.', 'Acme Robotics, Inc.'],
    ['Software Engineering Intern at Blue Heron Analytics LLC.', 'Blue Heron Analytics LLC'],
    ['On behalf of Bank of Springfield, we are pleased', 'Bank of Springfield'],
    ['The Acme Labs team', 'Acme Labs'],
    ['Thistle & Pike Consulting is pleased', 'Thistle & Pike Consulting'],
    ['On behalf of Foxglove Civil Engineering, P.C., I am', 'Foxglove Civil Engineering, P.C.'],
  ])('%s', (text, name) => {
    expect(findOrgNames(text)[0]?.name).toBe(name);
  });

  it('does not take departments, job titles or generic phrases for companies', () => {
    expect(findOrgNames('Human Resources Department')).toEqual([]);
    expect(findOrgNames('as our Growth Marketing Intern')).toEqual([]);
    expect(findOrgNames('in our Platform Engineering group')).toEqual([]);
  });

  it('reads "Inc.." (the sentence\'s full stop after the abbreviation\'s own) as "Inc."', () => {
    expect(findOrgNames('You are enrolled as a candidate at Saltmarsh Biolabs, Inc..').map((o) => o.name)).toEqual(['Saltmarsh Biolabs, Inc.']);
  });

  it('never joins a title line and a company line', () => {
    expect(findOrgNames('Director of Talent Acquisition\nBrightwater Analytics, Inc.').map((o) => o.name)).toEqual(['Brightwater Analytics, Inc.']);
  });
});

describe('isOrgLine', () => {
  it('accepts a line that is only a company name', () => {
    expect(isOrgLine('ACME ROBOTICS, INC.')?.name).toBe('ACME ROBOTICS, INC.');
    expect(isOrgLine('Acme Robotics is pleased to offer you')).toBeNull();
  });
});

describe('domains', () => {
  it('reads the registrable domain and recognizes free mail', () => {
    expect(domainOf('hr@careers.acme-robotics.com')).toBe('acme-robotics.com');
    expect(domainOf('jobs@acme.co.uk')).toBe('acme.co.uk');
    expect(isFreeMail('someone@gmail.com')).toBe(true);
    expect(isFreeMail('someone@proton.me')).toBe(true);
    expect(isFreeMail('someone@acme.com')).toBe(false);
  });

  it('matches company names to domains by name, first word or initials', () => {
    expect(orgMatchesDomain('Acme Robotics, Inc.', 'acmerobotics.com')).toBe(true);
    expect(orgMatchesDomain('Acme Robotics', 'acme.example')).toBe(true);
    expect(orgMatchesDomain('Blue Heron Analytics', 'bha.com')).toBe(true);
    expect(orgMatchesDomain('Globex', 'initech.com')).toBe(false);
  });

  it('lists the names a text gives the company behind a domain', () => {
    expect(namesForDomain('We look forward to welcoming you to Windrose Transit.\nWindrose Transit Technologies', 'windrosetransit.com')).toEqual([
      'Windrose Transit',
      'Windrose Transit Technologies',
    ]);
    expect(withoutLegalForm('Orchard Lane Foods, Inc.')).toBe('Orchard Lane Foods');
  });
});
