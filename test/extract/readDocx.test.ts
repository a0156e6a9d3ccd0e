import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/extract/readDocx.js';

describe('htmlToText', () => {
  it('decodes entities and turns HTML tables and lists into lines', () => {
    const html = '<p>Smith &amp; Rao LLP</p><table><tr><td><p>Start</p></td><td><p>June 1, 2027</p><p>(Monday)</p></td></tr></table><ul><li>Build dashboards</li></ul>';
    expect(htmlToText(html).split('\n')).toEqual(['Smith & Rao LLP', 'Start | June 1, 2027 (Monday)', '• Build dashboards']);
  });
});
