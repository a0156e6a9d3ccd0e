import { describe, expect, it } from 'vitest';
import { pageText } from './pageText.js';
import { letterFromText, pageOf } from '../../src/fields/letter.js';
import { extractDuties } from '../../src/fields/duties.js';

function duties(text: string) {
  return extractDuties(letterFromText(text));
}

describe('extractDuties', () => {
  it('reads a bullet list under "Your responsibilities will include:"', () => {
    const r = duties(`We are pleased to offer you the position of Data Science Intern.

Your responsibilities will include:
• Build and maintain data pipelines in Python and SQL
• Clean and validate large customer data sets
• Present findings to the product team every two weeks

You will be paid $32.00 per hour.`);
    expect(r.status).toBe('present');
    expect(r.value).toEqual([
      'Build and maintain data pipelines in Python and SQL',
      'Clean and validate large customer data sets',
      'Present findings to the product team every two weeks',
    ]);
    expect(r.evidence[0].quote).toBe('Your responsibilities will include:');
  });

  it('takes no sentence of an agreement that defines its terms for duties, and still reads the duties sentence beside it', () => {
    // The Outreachy-style internship agreement (wild/text/outreachy-agreement-01): obligations, not a description of the work.
    const agreement = 'The Project. You agree to perform the Project as assigned. From time to time, you will deliver work product related to your Project ("Project Work Product") to your Participating Organization through your Volunteer Mentor.';
    expect(duties(agreement).status).toBe('missing');
    expect(duties(`${agreement} In this role, you will design test fixtures and write firmware for sensor boards.`).value).toEqual(['Design test fixtures and write firmware for sensor boards']);
  });

  it('splits a duties sentence into its duties', () => {
    const r = duties('In this role, you will design and implement REST API endpoints in TypeScript, write unit and integration tests for new features, and take part in code reviews and sprint planning.');
    expect(r.value).toEqual([
      'Design and implement REST API endpoints in TypeScript',
      'Write unit and integration tests for new features',
      'Take part in code reviews and sprint planning',
    ]);
  });

  it('reads "Duties:" with numbered items and wrapped lines', () => {
    const r = duties(`Duties:
1. Create 3D models and drawings in SolidWorks for new
   fixture designs
2. Run tolerance analyses on new assemblies
3) Support prototype builds`);
    expect(r.value).toEqual(['Create 3D models and drawings in SolidWorks for new fixture designs', 'Run tolerance analyses on new assemblies', 'Support prototype builds']);
  });

  it('reads duties written on the heading line', () => {
    const r = duties('Responsibilities: model warehouse capacity; forecast demand for seasonal products; track carrier costs.');
    expect(r.value).toEqual(['model warehouse capacity', 'forecast demand for seasonal products', 'track carrier costs']);
  });

  it('reads a paragraph under a "Job Description" heading', () => {
    const r = duties(`Job Description

The intern will research industry trends and competitors. The intern will also prepare monthly variance reports.

Compensation: $25/hour`);
    expect(r.value).toEqual(['Research industry trends and competitors', 'Prepare monthly variance reports']);
  });

  it('skips the benefits and conditions lists and finds the duties list after them', () => {
    const r = duties(`Benefits:
- Paid holidays
- Commuter stipend of $100/month
This offer is contingent upon:
- A background check
- Proof of work authorization
During your internship, you will:
- Plan and run usability studies with customers
- Create wireframes and interactive prototypes in Figma`);
    expect(r.value).toEqual(['Plan and run usability studies with customers', 'Create wireframes and interactive prototypes in Figma']);
    expect(r.trace.join(' ')).toMatch(/skipped list under "Benefits:"/);
  });

  it('recognizes an unheaded list of action-verb items', () => {
    const r = duties(`We are happy to welcome you.

* Debug boards with oscilloscopes and logic analyzers
* Automate bench tests with Python
* Write test reports and failure analyses`);
    expect(r.value).toHaveLength(3);
  });

  it('does not take "You will report to" or "You will be paid" for duties', () => {
    const r = duties('You will report to Karen Whitfield. You will be paid $28.00 per hour. You will receive a laptop on your first day. You will work 40 hours per week.');
    expect(r.status).toBe('missing');
    expect(r.fix).toMatch(/duties/);
  });

  it('does not take a terms list for duties', () => {
    const r = duties(`Terms of the offer:
• Position: Finance Co-op
• Start date: January 11, 2027
• Hours: 40 hours per week
• Compensation: $2,200 bi-weekly`);
    expect(r.status).toBe('missing');
  });

  it('reads "you will be responsible for ..." and joins a sentence wrapped over lines', () => {
    const text = 'As a Civil Engineering Co-op, you will be responsible for drafting plan sheets in AutoCAD Civil 3D\nand assisting with site inspections.';
    const r = duties(text);
    expect(r.value).toEqual(['Drafting plan sheets in AutoCAD Civil 3D and assisting with site inspections']);
    expect(pageText(text)).toContain(r.evidence[0].quote);
  });

  it('reads duty lines whose bullet marks were lost in PDF extraction', () => {
    const r = duties(`Your responsibilities will include:
Measure campaign performance across channels
Run A/B tests on landing pages
Draft copy for email and social campaigns
The terms of your offer are as follows:
Position Digital Marketing Intern`);
    expect(r.value).toEqual(['Measure campaign performance across channels', 'Run A/B tests on landing pages', 'Draft copy for email and social campaigns']);
  });

  it('stops marker-less items at the prose that follows', () => {
    const r = duties(`Your responsibilities will include:
Clean and validate large customer data sets
Prepare dashboards for business
stakeholders
Your internship will begin on May 24, 2027 and end on August 6, 2027. This position is 40 hours per week.`);
    expect(r.value).toEqual(['Clean and validate large customer data sets', 'Prepare dashboards for business stakeholders']);
  });

  it('does not take pay sentences for duties ("You will earn $1,100 per week")', () => {
    const r = duties('In this role, you will track carrier performance and costs and support vendor onboarding. You will earn $1,100 per week, paid every Friday.');
    expect(r.value).toEqual(['Track carrier performance and costs and support vendor onboarding']);
  });

  it('splits the duties of a paragraph under a heading and leaves out the supervision sentence', () => {
    const r = duties(`Duties and Responsibilities
The co-op student will develop firmware for battery controllers, perform hardware-in-the-loop validation, and document test results.

Your main tasks will include running binding assays. You will be supervised by Dr. Mei Tanaka.`);
    expect(r.value).toEqual(['Develop firmware for battery controllers', 'Perform hardware-in-the-loop validation', 'Document test results']);
    const s = duties('Your main tasks will include cloning protein variants and running binding assays. You will be supervised by Dr. Mei Tanaka.');
    expect(s.value).toEqual(['Cloning protein variants and running binding assays']);
  });

  it('finds the duties after a second cue ("joining our team and will be responsible for")', () => {
    expect(duties('You will be joining our Data team and will be responsible for building churn models and presenting results.').value).toEqual([
      'Building churn models and presenting results',
    ]);
  });

  it('reads "The Data Science Intern will …"', () => {
    expect(duties('The Data Science Intern will build churn models, clean data, and present results.').value).toEqual(['Build churn models', 'Clean data', 'Present results']);
  });

  it('reads an OCR list with misread or missing bullets and blank lines between items', () => {
    const letter = {
      pages: [
        pageOf({ number: 1, text: 'Your responsibilities will include:\n\ne Train and evaluate forecasting models\n\n« Write reproducible analysis notebooks\n\nBuild and maintain data pipelines\n‘Prepare dashboards for stakeholders + Clean and validate data sets\n\nYour internship will begin on May 24, 2027.', source: 'ocr', imageCount: 0 }),
      ],
      email: null,
    };
    expect(extractDuties(letter).value).toEqual([
      'Train and evaluate forecasting models',
      'Write reproducible analysis notebooks',
      'Build and maintain data pipelines',
      'Prepare dashboards for stakeholders',
      'Clean and validate data sets',
    ]);
  });
});

describe('extractDuties and sentences about the place of work', () => {
  it('does not take "You will work on site at ..." for a duty', () => {
    expect(extractDuties(letterFromText('Dear Ana,\n\nYou will work on site at our Denver office three days a week.\n\nSincerely,\nDana')).status).toBe('missing');
  });
});
