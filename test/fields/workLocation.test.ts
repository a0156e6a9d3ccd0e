import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText } from '../../src/fields/letter.js';
import { extractWorkLocation } from '../../src/fields/workLocation.js';

function site(text: string) {
  const r = extractWorkLocation(letterFromText(text));
  for (const e of r.evidence) expect(pageText(text)).toContain(e.quote);
  return r;
}

const onsite = (street: string | null, city: string | null, state: string | null, zip: string | null) => ({ mode: 'onsite', street, city, state, zip });

const LETTERHEAD = `Northwind Analytics LLC
410 Pine Street, Suite 300
Seattle, WA 98101
Tel (206) 555-0100 | www.northwind.example

February 3, 2027

Jane Doe
22 Elm Road, Apt 4
Bellevue, WA 98004

Dear Jane,

`;
const CLOSING = `

Sincerely,
Tom Smith
Northwind Analytics LLC · Registered office: 410 Pine Street, Suite 300, Seattle, WA 98101`;

describe('extractWorkLocation', () => {
  it.each([
    ['Work location: 1200 Harbor Blvd, Suite 400, Oakland, CA 94607', onsite('1200 Harbor Blvd, Suite 400', 'Oakland', 'CA', '94607')],
    ['You will work at our office at 350 Fifth Avenue, 21st Floor, New York, NY 10118.', onsite('350 Fifth Avenue, 21st Floor', 'New York', 'NY', '10118')],
    ['Location: 15500 NE 40th Street, Building 4, Redmond, Washington 98052', onsite('15500 NE 40th Street, Building 4', 'Redmond', 'WA', '98052')],
    ['Work Location:\n1200 Harbor Blvd\nSuite 400\nOakland, CA 94607-1234', onsite('1200 Harbor Blvd, Suite 400', 'Oakland', 'CA', '94607-1234')],
    ['Work location | 850 Cypress Avenue, Suite 150, Newark, NJ 07102', onsite('850 Cypress Avenue, Suite 150', 'Newark', 'NJ', '07102')],
    ['Work location \t213 Industrial Parkway, Suite 1710, Boston, Massachusetts 02110-\n1809', onsite('213 Industrial Parkway, Suite 1710', 'Boston', 'MA', '02110-1809')],
    ['You will be based at our San Francisco office, 530 Mill Race Road, Suite\n1700, San Francisco, CA 94105.', onsite('530 Mill Race Road, Suite 1700', 'San Francisco', 'CA', '94105')],
    ['You will be based at our Minneapolis office, 893 Cypress Avenue, Minneapolis, Minnesota\n55402-4971.', onsite('893 Cypress Avenue', 'Minneapolis', 'MN', '55402-4971')],
    ['You will report to our lab at One Kendall Square, Cambridge, MA 02139.', onsite('One Kendall Square', 'Cambridge', 'MA', '02139')],
    ['Your internship will take place at 1540 Broadway, New York, NY 10036.', onsite('1540 Broadway', 'New York', 'NY', '10036')],
    ['The worksite is 100 N. Main St., St. Louis, MO 63102.', onsite('100 N. Main St.', 'St. Louis', 'MO', '63102')],
    ['Place of work: 77 Market St, Portland OR 97201', onsite('77 Market St', 'Portland', 'OR', '97201')],
    ['You will work at 500 W Madison St, Chicago, Ill. 60661.', onsite('500 W Madison St', 'Chicago', 'IL', '60661')],
    ["You'll be working from our New York office: 11 Times Square, New York, NY 10036.", onsite('11 Times Square', 'New York', 'NY', '10036')],
    ['You will work in person at our Denver office (1801 California St, Suite 4500, Denver, CO 80202).', onsite('1801 California St, Suite 4500', 'Denver', 'CO', '80202')],
    ['The internship will be located at 1100 New York Avenue NW, Washington, DC 20005.', onsite('1100 New York Avenue NW', 'Washington', 'DC', '20005')],
    ['Work location: 10 Hudson Yards, New York, New York 10001', onsite('10 Hudson Yards', 'New York', 'NY', '10001')],
    ['You will be based at our Durham office, 580 industrial Parkway, Durham, North Carolina 27701.', onsite('580 Industrial Parkway', 'Durham', 'NC', '27701')],
  ])('%s', (body, expected) => {
    const r = site(LETTERHEAD + body + CLOSING);
    expect(r.status).toBe('present');
    expect(r.value).toEqual(expected);
    expect(r.confidence).toBeGreaterThan(0.8);
  });

  it('never takes the letterhead, footer or addressee address when a work location is given', () => {
    const r = site(`${LETTERHEAD}Your work location is 77 Harbor Way, Boston, MA 02110.${CLOSING}`);
    expect(r.value).toEqual(onsite('77 Harbor Way', 'Boston', 'MA', '02110'));
    expect(r.trace.join('\n')).toMatch(/22 Elm Road, Apt 4 Bellevue, WA 98004": the addressee's address/);
  });

  it('spells the city as its ZIP names it where the letter (or OCR) slipped a letter or two, and keeps any real city as written', () => {
    // jpeg-photo-12 read "Salt" as "Sait".
    expect(site(`${LETTERHEAD}You will work at 1000 Innovation Way, Sait Lake City, UT 84111.${CLOSING}`).value).toEqual(onsite('1000 Innovation Way', 'Salt Lake City', 'UT', '84111'));
    // A real town under a ZIP of another (a ZIP covers several places): the letter's word stands.
    expect(site(`${LETTERHEAD}You will work at 12 Main Street, Bountiful, UT 84111.${CLOSING}`).value).toEqual(onsite('12 Main Street', 'Bountiful', 'UT', '84111'));
  });

  it('reads a location label whose value is remote as a remote statement, quoting the pair and taking the state in it', () => {
    const r = site('Acme Robotics Inc.\n12 Main St, Denver, CO 80202\n\nDear Ana,\n\nPay: $20.00 per hour\nOffice Address: Remote (from the student\'s residence in Washington)\n\nSincerely,\nJo Park');
    expect(r.value).toEqual({ mode: 'remote', street: null, city: null, state: 'WA', zip: null });
    expect(r.evidence[0].quote).toBe("Office Address: Remote (from the student's residence in Washington)");
    const table = site('Dear Ana,\n\nWork location\tRemote\nCompensation\t$20.00 per hour');
    expect(table.value?.mode).toBe('remote');
    expect(table.evidence[0].quote).toBe('Work location Remote');
    // "Remote" as a value under another label is no place of work.
    expect(site('Dear Ana,\n\nTeam: Remote Sensing Group\n').value).toBeNull();
  });

  it('is missing when the only addresses are the letterhead and the addressee', () => {
    const r = site(`${LETTERHEAD}We are pleased to offer you an internship.${CLOSING}`);
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/street, city, state, ZIP/);
    expect(r.trace.join('\n')).toMatch(/only the letterhead address/);
  });

  it('takes the letterhead address when the letter says the work is at "our office"', () => {
    const r = site(`${LETTERHEAD}You will work on-site at our headquarters.${CLOSING}`);
    expect(r.status).toBe('present');
    expect(r.value).toEqual(onsite('410 Pine Street, Suite 300', 'Seattle', 'WA', '98101'));
    expect(r.confidence).toBeLessThan(0.8);
    expect(r.trace[0]).toMatch(/letterhead address/);
  });

  it.each(['Location: P.O. Box 1234, Dallas, TX 75201', 'Work location: PO Box 55, Austin, Texas 78701', 'Your worksite: Post Office Box 9, Reno, NV 89501'])(
    'is invalid for a PO Box work site: %s',
    (body) => {
      const r = site(LETTERHEAD + body + CLOSING);
      expect(r.status).toBe('invalid');
      expect(r.fix).toMatch(/PO Box.*street address/);
    },
  );

  it('ignores a PO Box that is only the mailing address', () => {
    const r = site(`${LETTERHEAD}Location: 1 Infinite Loop, Cupertino, CA 95014\nPlease return the signed letter to HR, PO Box 55, Cupertino, CA 95015.${CLOSING}`);
    expect(r.value).toEqual(onsite('1 Infinite Loop', 'Cupertino', 'CA', '95014'));
    expect(r.trace.join('\n')).toMatch(/mailing address/);
  });

  it('names the missing parts of an incomplete address', () => {
    const cityOnly = site(`${LETTERHEAD}Location: Austin, Texas${CLOSING}`);
    expect(cityOnly.status).toBe('invalid');
    expect(cityOnly.value).toEqual(onsite(null, 'Austin', 'TX', null));
    expect(cityOnly.fix).toMatch(/street address and ZIP code/);

    const streetOnly = site(`${LETTERHEAD}You will work at our office at 100 Main Street.${CLOSING}`);
    expect(streetOnly.status).toBe('invalid');
    expect(streetOnly.value).toEqual(onsite('100 Main Street', null, null, null));
    expect(streetOnly.fix).toMatch(/city, state and ZIP code/);

    const noZip = site(`${LETTERHEAD}Work location: 500 Elm Street, Dayton, OH${CLOSING}`);
    expect(noZip.status).toBe('invalid');
    expect(noZip.fix).toMatch(/lacks the ZIP code/);
  });

  it.each([
    ['This is a fully remote position.', null],
    ['You will work remotely from Texas.', 'TX'],
    ['You will work remotely from your home in Austin, TX.', 'TX'],
    ['This internship is 100% remote; you must reside in North Carolina.', 'NC'],
    ['Work location: Remote', null],
    ['Location | Remote (Colorado)', 'CO'],
    ['This is a work-from-home position.', null],
    ['You will telework from your residence in Oregon.', 'OR'],
  ])('reads "%s" as remote', (body, state) => {
    const r = site(LETTERHEAD + body + CLOSING);
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ mode: 'remote', street: null, city: null, state, zip: null });
  });

  it('does not read "not a remote position" as remote', () => {
    const r = site(`${LETTERHEAD}This is not a remote position. You will work at 350 Fifth Avenue, New York, NY 10118.${CLOSING}`);
    expect(r.value).toEqual(onsite('350 Fifth Avenue', 'New York', 'NY', '10118'));
  });

  it('reads hybrid with the office address', () => {
    const r = site(`${LETTERHEAD}This is a hybrid role: three days a week in the office at 500 W Madison St, Chicago, IL 60661.${CLOSING}`);
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ mode: 'hybrid', street: '500 W Madison St', city: 'Chicago', state: 'IL', zip: '60661' });
  });

  it('reads hybrid with the letterhead office when the letter names no other', () => {
    const r = site(`${LETTERHEAD}The position is hybrid, with two days a week at our office.${CLOSING}`);
    expect(r.value).toEqual({ mode: 'hybrid', street: '410 Pine Street, Suite 300', city: 'Seattle', state: 'WA', zip: '98101' });
  });

  it('is invalid when hybrid comes with no address at all', () => {
    const r = site('Dear Jane,\nThe position is hybrid.');
    expect(r.status).toBe('invalid');
    expect(r.fix).toMatch(/hybrid/);
  });

  it('does not mistake a salutation or a person named Virginia for a city and state', () => {
    const r = site('Hello, Virginia\nWe are pleased to offer you an internship.');
    expect(r.status).toBe('missing');
  });

  it('does not read a year above a name as a house number', () => {
    const r = site('Acme Corp\n3 November 2026\nAmara Diallo\n793 College Avenue, Apt 37\nAmes, IA 50010\nDear Amara,\nYou will work at 12 Lake Road, Ames, IA 50011.');
    expect(r.value).toEqual(onsite('12 Lake Road', 'Ames', 'IA', '50011'));
  });

  it('reads a letter with Windows line ends', () => {
    const text = `${LETTERHEAD}You will be based at our San Francisco office, 530 Mill Race Road, Suite\n1700, San Francisco, CA 94105.${CLOSING}`.replace(/\n/g, '\r\n');
    const r = site(text);
    expect(r.value).toEqual(onsite('530 Mill Race Road, Suite 1700', 'San Francisco', 'CA', '94105'));
  });
});

describe('extractWorkLocation, letterhead and named offices', () => {
  const head = 'Acme Corp\n100 Federal Street, Boston, MA 02110\n\nMarch 1, 2027\n\nDear Jane,\n';
  it('does not take a Boston letterhead for "our Seattle office"', () => {
    const r = extractWorkLocation(letterFromText(`${head}You will work at our Seattle office.`));
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/Seattle office/);
  });

  it('takes the letterhead when it is the named office', () => {
    const r = extractWorkLocation(letterFromText(`${head}You will work at our Boston office.`));
    expect(r.value).toEqual(onsite('100 Federal Street', 'Boston', 'MA', '02110'));
  });

  it('reads an address block introduced by a colon and a blank line', () => {
    const r = extractWorkLocation(letterFromText(`${head}You will report to the following address:\n\nAcme Robotics Lab\n25 Drydock Avenue, Suite 610\nBoston, MA 02210\n\nWe look forward to working with you.`));
    expect(r.status).toBe('present');
    expect(r.value).toEqual(onsite('25 Drydock Avenue, Suite 610', 'Boston', 'MA', '02210'));
    expect(r.confidence).toBeGreaterThan(0.8);
  });
});

describe('extractWorkLocation, remote states and letterhead lines', () => {
  it('takes the state from the sentence after the remote statement when it is about residence', () => {
    const r = extractWorkLocation(letterFromText('Dear Sofia,\nThis is a remote internship. You must reside in Oregon while working.'));
    expect(r.value).toEqual({ mode: 'remote', street: null, city: null, state: 'OR', zip: null });
  });

  it('gives no single state when several are allowed, and does not read the list as an address', () => {
    const r = extractWorkLocation(letterFromText('Dear Sofia,\nThis is a remote internship. You must reside and work in one of the following states: California, Oregon, or Washington.'));
    expect(r.value).toEqual({ mode: 'remote', street: null, city: null, state: null, zip: null });
    expect(r.trace[0]).toMatch(/several states named \(CA, OR, WA\)/);
  });

  it('takes a one-line letterhead for "our campus (address above)", without the separator', () => {
    const text = 'ORION DYNAMICS\n1 Aerospace Way | Huntsville, AL 35806\n\nApril 4, 2027\n\nDear Marcus,\nWork Location: On-site at our Huntsville campus (address above)\n\nSincerely,\nHelen';
    const r = extractWorkLocation(letterFromText(text));
    expect(r.value).toEqual(onsite('1 Aerospace Way', 'Huntsville', 'AL', '35806'));
    expect(pageText(text)).toContain(r.evidence[0].quote);
  });
});

describe('extractWorkLocation, completing and naming offices', () => {
  it('completes a street named in the body from the same street written in full in the letterhead', () => {
    const text = 'Cedar & Stone Architects\n88 Beacon Street\nBoston, Massachusetts 02108\n617-555-0199\n\nDate: January 8, 2027\n\nDear Ms. Tanaka:\nYou will be working out of our Boston studio at 88 Beacon Street.\n\nSincerely,\nRobert';
    const r = extractWorkLocation(letterFromText(text));
    expect(r.status).toBe('present');
    expect(r.value).toEqual(onsite('88 Beacon Street', 'Boston', 'MA', '02108'));
    expect(r.trace.join('\n')).toMatch(/completed from/);
  });

  it('takes the letterhead for "on-site at the hospital" even when a lab is named', () => {
    const text = "Lakeside Children's Hospital\nDepartment of Research | 900 Lakeshore Drive, Chicago, IL 60611\n\nDecember 1, 2026\n\nDear Ravi,\nYou will work in our Pediatric Genomics lab, on-site at the hospital.\n\nBest,\nEmily";
    const r = extractWorkLocation(letterFromText(text));
    expect(r.value).toEqual(onsite('900 Lakeshore Drive', 'Chicago', 'IL', '60611'));
  });

  it('reads an address in a hybrid line of a short email', () => {
    const r = extractWorkLocation(letterFromText('Hi Maria,\nWhere: Brightwave, 1200 Main Street, Suite 300, Dallas, TX 75202 (hybrid - Tues/Thurs in office)\nJordan'));
    expect(r.value).toEqual({ mode: 'hybrid', street: '1200 Main Street, Suite 300', city: 'Dallas', state: 'TX', zip: '75202' });
  });
});

describe('extractWorkLocation, remote with an office address nearby', () => {
  it('takes the remote state, not the state of the office address in the same sentence', () => {
    const r = extractWorkLocation(letterFromText('Dear Chen,\nOur office is located at 500 Howard St., San Francisco, CA 94105, but this internship will be fully remote from your home in Washington State.'));
    expect(r.value).toEqual({ mode: 'remote', street: null, city: null, state: 'WA', zip: null });
    expect(r.trace.join('\n')).toMatch(/set aside: the letter says the work is fully remote/);
  });
});

describe('extractWorkLocation on hostile text', () => {
  // A guard against catastrophic backtracking (a hang), not a speed target: it runs in ~0.1 s, the bound is 100x that.
  it('does not hang on long runs of separators and address-like words', () => {
    const noise = `Dear Jane,\n${'100 Main Street' + ' , '.repeat(2000) + 'x\n'}${'Suite 4 , Boston , MA '.repeat(300)}`;
    const started = performance.now();
    extractWorkLocation(letterFromText(noise));
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('extractWorkLocation, hybrid wording', () => {
  it.each([
    'Work location Hybrid: 1870 Westbrook Road, Suite 210, Atlanta, Georgia 30303',
    '• Work location: Hybrid: 600 Commerce Avenue, Suite 1150, Portland, OR 97204 (three days per week on site)',
    'This is a hybrid position based at 600 Commerce Avenue, Portland, OR 97204.',
    'You will work at 600 Commerce Avenue, Portland, OR 97204, two days a week in the office and the rest from home.',
  ])('%s', (body) => {
    expect(extractWorkLocation(letterFromText(`Dear Jane,\n${body}`)).value?.mode).toBe('hybrid');
  });

  it('does not take a hybrid job title for a hybrid arrangement', () => {
    const r = extractWorkLocation(letterFromText('Dear Jane,\nWe offer you the position of Hybrid Powertrain Intern. You will work at 1 Motor Way, Dearborn, MI 48126.'));
    expect(r.value?.mode).toBe('onsite');
  });
});

describe('extractWorkLocation, occasional home working', () => {
  it('reads occasional work from home beside an office address as hybrid', () => {
    const r = extractWorkLocation(letterFromText('Dear Jane,\nYour work location is 100 Main Street, Boston, MA 02110. You may occasionally work from home with your manager\'s approval.'));
    expect(r.value).toEqual({ mode: 'hybrid', street: '100 Main Street', city: 'Boston', state: 'MA', zip: '02110' });
  });
});

describe('extractWorkLocation, signature-block addresses', () => {
  it('takes the address under the signature of an email when the work is "in our office"', () => {
    const r = extractWorkLocation(letterFromText('Hi Jane,\nYou will work in person at our office, Monday to Friday.\n\nBest regards,\nSam Lee\nAcme Corp\n100 Main St, Boston, MA 02110\n(617) 555-0100'));
    expect(r.value).toEqual(onsite('100 Main St', 'Boston', 'MA', '02110'));
    expect(r.confidence).toBeLessThan(0.8);
  });

  it('does not take the signature-block address when the letter says nothing about where the work is', () => {
    const r = extractWorkLocation(letterFromText('Hi Jane,\nWe are happy to offer you the internship.\n\nBest regards,\nSam Lee\nAcme Corp\n100 Main St, Boston, MA 02110'));
    expect(r.status).toBe('missing');
  });
});
