import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText } from '../../src/fields/letter.js';
import { extractSupervisor } from '../../src/fields/supervisor.js';

function supervisor(text: string) {
  return extractSupervisor(letterFromText(text));
}

describe('extractSupervisor', () => {
  it('reads name, title, email and phone from "You will report to"', () => {
    const r = supervisor('You will report to Karen Whitfield, Supply Chain Manager, who can be reached at karen.whitfield@harborlinelogistics.com or (312) 555-0147.');
    expect(r.status).toBe('present');
    expect(r.value).toEqual({ name: 'Karen Whitfield', title: 'Supply Chain Manager', email: 'karen.whitfield@harborlinelogistics.com', phone: '(312) 555-0147' });
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('reads an address OCR garbled as it was written: the "@" read as a space, a dot read as a space', () => {
    // fixtures/ocr/jpeg-photo-07.jpg and heic-photo-16.heic read these lines so.
    expect(supervisor('You will report to David Okonkwo, Marketing Director, who can be reached at\ndavid.okonkwo seaglasshospitality.com or (617) 555-0113.').value).toMatchObject({
      name: 'David Okonkwo',
      email: 'david.okonkwo@seaglasshospitality.com',
    });
    expect(supervisor('You will report to Nisha Kapoor, Senior Data Scientist, who can be reached at\nnisha kapoor@meridianloop.net or (734) 555-0162.').value).toMatchObject({
      name: 'Nisha Kapoor',
      email: 'nisha.kapoor@meridianloop.net',
    });
  });

  it('reads a parenthesized contact after the title', () => {
    const r = supervisor('You will report to Dana Whitfield, Engineering Manager (dana.whitfield@acme.example, 555-201-3399).');
    expect(r.value).toEqual({ name: 'Dana Whitfield', title: 'Engineering Manager', email: 'dana.whitfield@acme.example', phone: '555-201-3399' });
  });

  it('reads a "Supervisor:" row of a terms table', () => {
    const r = supervisor('Work location: 55 Canal Street, Boston, MA 02110\nSupervisor: Kenji Watanabe, Senior Data Scientist (kenji.watanabe@bramblewood.ai)\nCompensation: $30.00 per hour');
    expect(r.value).toEqual({ name: 'Kenji Watanabe', title: 'Senior Data Scientist', email: 'kenji.watanabe@bramblewood.ai', phone: null });
  });

  it('reads a terms table that OCR took apart, the label on one line and the name on the next', () => {
    const r = supervisor('Compensation\n\n$25.00 per hour\n\nSupervisor\n\nRobert Castellano, Design Lead\n(robert.castellano@copperkite.games)\n\nPlease sign below.');
    expect(r.value).toEqual({ name: 'Robert Castellano', title: 'Design Lead', email: 'robert.castellano@copperkite.games', phone: null });
    expect(r.evidence[0].quote).toBe('Robert Castellano, Design Lead');
    // A label followed by something that is no person's name is no supervisor.
    expect(supervisor('Supervisor\nTo be assigned on your first day.').status).toBe('missing');
  });

  it('reads a bulleted "Supervisor:" item', () => {
    const r = supervisor('Terms of the offer:\n• Hours: 40 hours per week\n• Supervisor: Olivia Hartman, Design Lead (olivia.hartman@glasswing.dev)');
    expect(r.value?.name).toBe('Olivia Hartman');
    expect(r.value?.title).toBe('Design Lead');
  });

  it('reads a labeled block with title and contact lines below', () => {
    const r = supervisor('Supervisor: Benjamin Adler\nTitle: Project Engineer\nEmail: benjamin.adler@foxglove-civil.com\nPhone: (919) 555-0188');
    expect(r.value).toEqual({ name: 'Benjamin Adler', title: 'Project Engineer', email: 'benjamin.adler@foxglove-civil.com', phone: '(919) 555-0188' });
  });

  it('reads title-first phrasing: "your manager, our Finance Manager, ..."', () => {
    const r = supervisor('During the co-op you will report to our Finance Manager, Derek Yamamoto.');
    expect(r.value).toEqual({ name: 'Derek Yamamoto', title: 'Finance Manager', email: null, phone: null });
  });

  it('reads "your supervisor will be" and "Name will be your manager"', () => {
    expect(supervisor('Your supervisor will be Laura McKinnon, Principal Researcher.').value?.name).toBe('Laura McKinnon');
    const r = supervisor('Catherine Boyle, Marketing Director, will be your manager for the summer.');
    expect(r.value?.name).toBe('Catherine Boyle');
    expect(r.value?.title).toBe('Marketing Director');
  });

  it('finds the supervisor email elsewhere in the letter by name', () => {
    const r = supervisor('You will report to Victor Moreau, Lead Mechanical Engineer.\n\nContacts: victor.moreau@stonebridgematerials.com');
    expect(r.value?.email).toBe('victor.moreau@stonebridgematerials.com');
  });

  it('is missing when only the HR contact and the signer are named', () => {
    const r = supervisor('If you have any questions, please contact Thomas Brennan, HR Coordinator, at thomas.brennan@acme.example.\n\nSincerely,\nMargaret Ellison\nDirector of Talent Acquisition');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/supervisor/);
  });

  it('is missing when the supervisor is named only by title', () => {
    const r = supervisor('You will report to the Engineering Manager of the Autonomy team.');
    expect(r.status).toBe('missing');
  });

  it('takes contacts from the signature when the supervisor signs the letter', () => {
    const r = supervisor('You will report directly to me throughout the internship.\n\nSincerely,\nMichael Torres\nDirector of Engineering\nmichael.torres@cobaltwave.com\n(408) 555-0112');
    expect(r.value?.name).toBe('Michael Torres');
    expect(r.value?.email).toBe('michael.torres@cobaltwave.com');
    expect(r.value?.phone).toBe('(408) 555-0112');
    expect(r.value?.title).toBe('Director of Engineering');
  });

  it('reads a table row whose column gap was lost, with the email on the next line', () => {
    const r = supervisor('Compensation $25.00 per hour\nSupervisor Robert Castellano, Design Lead\n(robert.castellano@copperkite.games)\nThis offer is contingent on verification of your eligibility.');
    expect(r.value).toEqual({ name: 'Robert Castellano', title: 'Design Lead', email: 'robert.castellano@copperkite.games', phone: null });
  });

  it('takes the contacts from the next sentence when it names the supervisor', () => {
    const r = supervisor('Your manager for this assignment will be Jorge Ramirez, Test Engineering Manager. Jorge can be reached at jorge.ramirez@oakridge.example or (512) 555-0117.');
    expect(r.value).toEqual({ name: 'Jorge Ramirez', title: 'Test Engineering Manager', email: 'jorge.ramirez@oakridge.example', phone: '(512) 555-0117' });
  });

  it('reads "your supervising attorney will be Ms. …" and stacked honorifics', () => {
    expect(supervisor('Your supervising attorney will be Ms. Helena Marsh, Partner.').value).toEqual({ name: 'Helena Marsh', title: 'Partner', email: null, phone: null });
    expect(supervisor('Supervisor: Prof. Dr. Klaus Weber').value?.name).toBe('Klaus Weber');
  });

  it('reads "working under" and "(Title) will supervise your work"', () => {
    expect(supervisor('You will be working under Dana Lee, Lab Manager, on the assay team.').value).toEqual({ name: 'Dana Lee', title: 'Lab Manager', email: null, phone: null });
    expect(supervisor('Dana Lee (Lab Manager) will supervise your work.').value).toEqual({ name: 'Dana Lee', title: 'Lab Manager', email: null, phone: null });
  });

  it('quotes a tab-separated table row exactly as the letter has it', () => {
    const text = 'Compensation \t$6,000/month\nSupervisor \tMarcus Greene, Marketing Director\n(marcus.greene@stonebridgematerials.com)';
    const r = supervisor(text);
    expect(r.value?.name).toBe('Marcus Greene');
    expect(pageText(text)).toContain(r.evidence[0].quote);
  });

  it('reads an email that OCR broke with spaces', () => {
    const r = supervisor('You will report to Jennifer Wu, Design Lead, who can be reached at jennifer. wu@tidewatermaritime.com or\n(206) 555-0191.');
    expect(r.value).toEqual({ name: 'Jennifer Wu', title: 'Design Lead', email: 'jennifer.wu@tidewatermaritime.com', phone: '(206) 555-0191' });
    expect(supervisor('You will report to Nisha Kapoor, who can be reached at nisha.kapoor @meridianloop.net.').value?.email).toBe('nisha.kapoor@meridianloop.net');
  });
});
