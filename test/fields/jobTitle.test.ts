import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText } from '../../src/fields/letter.js';
import { extractJobTitle } from '../../src/fields/jobTitle.js';

function title(text: string, subject: string | null = null) {
  const email = subject ? { from: { name: null, address: 'hr@acme.example' }, to: [], date: null, subject } : null;
  return extractJobTitle(letterFromText(text, email));
}

describe('extractJobTitle', () => {
  it.each([
    ['On behalf of Northgate Robotics LLC, I am pleased to offer you the position of Software Engineering Intern in our Autonomy group.', 'Software Engineering Intern'],
    ['We are pleased to offer you the Data Analyst Intern position at Bramblewood Analytics Group.', 'Data Analyst Intern'],
    ['We would like you to join us as a Mechanical Engineering Co-op this spring.', 'Mechanical Engineering Co-op'],
    ['You will be hired as our UX Research Intern, reporting to the design lead.', 'UX Research Intern'],
    ['We are excited to offer you the role of Financial Analyst Intern with the Risk Analytics team.', 'Financial Analyst Intern'],
    ['Job Title: Embedded Systems Co-op', 'Embedded Systems Co-op'],
    ['Position: Laboratory Research Co-op', 'Laboratory Research Co-op'],
    ['Position | Transportation Planning Intern', 'Transportation Planning Intern'],
    ['• Position: Civil Engineering Intern', 'Civil Engineering Intern'],
    ['Title:\tSupply Chain Analyst Intern', 'Supply Chain Analyst Intern'],
    ['We are pleased to offer you an internship as a Marketing Analytics Intern for Summer 2027.', 'Marketing Analytics Intern'],
    ['We are delighted to offer you the "Machine Learning Research Intern" role.', 'Machine Learning Research Intern'],
  ])('%s', (text, expected) => {
    const r = title(text);
    expect(r.status).toBe('present');
    expect(r.value).toBe(expected);
  });

  it('prefers a labeled line over a phrase in running text', () => {
    const r = title('Position: Design Engineering Intern\n\nAs a member of the team, you will work as an intern on prototypes.');
    expect(r.value).toBe('Design Engineering Intern');
    expect(r.trace[0]).toMatch(/"Position" line/);
  });

  it('does not take a phrase about the parties for a title ("serve as the agreement between you and ...")', () => {
    const r = title('Dear Participant:\n\nThese Terms will serve as the agreement between you and Ironwood Civil Engineers concerning your participation in the program.');
    expect(r.status).toBe('missing');
  });

  it('does not take "as a result" or "as a member of" for a title', () => {
    const r = title('As a result of your interview, we are pleased to offer you a paid internship. As a member of our team, you will grow.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/job title/);
  });

  it('does not take the position type row for the title', () => {
    const r = title('Position type: Internship\nDepartment: Gameplay');
    expect(r.status).toBe('missing');
  });

  it('falls back to the email subject', () => {
    const r = title('Hi Yuki, we would love to have you this summer. Details attached.', 'Offer: Product Design Intern');
    expect(r.value).toBe('Product Design Intern');
  });

  it('joins a title broken across two PDF lines', () => {
    const r = title('I am pleased to offer you the position of Hardware Test\nEngineering Intern in our Test Engineering group.');
    expect(r.value).toBe('Hardware Test Engineering Intern');
  });

  it('drops a gender marker from a posted title', () => {
    expect(title('Position: Robotics Software Intern (m/f/d)').value).toBe('Robotics Software Intern');
  });

  it('keeps the field of a bare rank after a comma ("Intern, Software Engineering")', () => {
    expect(title('We are pleased to offer you the position of Intern, Software Engineering, in our Seattle office.').value).toBe('Intern, Software Engineering');
  });

  it('quotes a tab-separated row exactly as the letter has it', () => {
    const text = 'Position \tEmbedded Systems Intern\nPosition type \tInternship';
    const r = title(text);
    expect(r.value).toBe('Embedded Systems Intern');
    expect(pageText(text)).toContain(r.evidence[0].quote);
  });

  it('reads a title without article after "internship as" and "your title will be"', () => {
    expect(title('We are pleased to offer you a summer internship position as Data Analyst in our Risk team.').value).toBe('Data Analyst');
    expect(title('Your title will be Product Design Intern.').value).toBe('Product Design Intern');
  });
});
