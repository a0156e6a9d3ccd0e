import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from '../../src/cli/formatCsv.js';
import { ELEMENT_NAMES, Report } from '../../src/report/index.js';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks the RFC 4180 way', () => {
    expect(csvCell('plain.pdf')).toBe('plain.pdf');
    expect(csvCell('Raman, Priya.pdf')).toBe('"Raman, Priya.pdf"');
    expect(csvCell('the "final" letter.pdf')).toBe('"the ""final"" letter.pdf"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x.example","open")')).toBe('"\'=HYPERLINK(""http://x.example"",""open"")"');
    expect(csvCell('+1 letter.pdf')).toBe("'+1 letter.pdf");
    expect(csvCell('@sum.pdf')).toBe("'@sum.pdf");
    expect(csvCell('-draft.pdf')).toBe("'-draft.pdf");
  });
});

describe('formatCsv', () => {
  it('writes a header and one row per letter, reports and errors alike', () => {
    // A small report, parsed by the API's schema so that it has the real shape.
    const elements = Object.fromEntries(
      ELEMENT_NAMES.map((name) => [
        name,
        { status: name === 'duties' ? 'missing' : name === 'supervisor' ? 'uncertain' : 'present', required: !['signature', 'letter_date', 'employer_name', 'supervisor', 'program_relation', 'learning_objectives'].includes(name), value: null, evidence: [], confidence: 1, fix: null, trace: [] },
      ]),
    );
    const report = Report.parse({
      verdict: 'incomplete',
      profile: 'cpt',
      checkedOn: '2026-12-01',
      document: { mediaType: 'application/pdf', pages: 1, textSource: 'text', ocrConfidence: null, characters: 900 },
      documents: [
        { mediaType: 'application/pdf', pages: 1, textSource: 'text', ocrConfidence: null, characters: 900, index: 0, fileName: 'a.pdf', role: 'letter', bytes: 4096, sha256: 'a'.repeat(64) },
      ],
      duration: null,
      elements,
      findings: [
        { code: 'ELEMENT_MISSING', severity: 'error', element: 'duties', message: 'The letter does not state a description of the duties.' },
        { code: 'HOURS_FULL_TIME_CPT', severity: 'warning', element: 'hours_per_week', message: 'Full-time CPT.' },
      ],
    });
    const csv = formatCsv([
      { file: 'a.pdf', report },
      { file: 'b, c.pdf', error: { code: 'FILE_UNREADABLE', title: 'The file cannot be read', detail: 'no such file' } },
    ]);
    const rows = csv.split('\r\n');
    expect(rows).toHaveLength(4); // header, two rows, and the final line break
    expect(rows[3]).toBe('');
    expect(rows[0].split(',')).toEqual(['file', 'verdict', 'missing_or_invalid', 'uncertain', ...ELEMENT_NAMES, 'findings', 'error_code', 'error']);
    const cells = rows[1].split(',');
    expect(cells.slice(0, 4)).toEqual(['a.pdf', 'incomplete', 'duties', '']); // supervisor is not required: not counted
    expect(cells[4 + ELEMENT_NAMES.indexOf('duties')]).toBe('missing');
    expect(cells[4 + ELEMENT_NAMES.indexOf('supervisor')]).toBe('uncertain');
    expect(cells.at(-3)).toBe('ELEMENT_MISSING HOURS_FULL_TIME_CPT');
    expect(rows[2]).toBe(`"b, c.pdf",error,,,${ELEMENT_NAMES.map(() => '').join(',')},,FILE_UNREADABLE,no such file`);
  });
});
