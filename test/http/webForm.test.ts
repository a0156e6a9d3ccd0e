import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { findWebFormDir } from '../../src/http/routes/webForm.js';
import { loadSettings } from '../../src/config/settings.js';
import type { Report } from '../../src/report/index.js';
import { FIXTURES_DIR, fixtureLetter, type FixtureLetter } from '../cli/fixtureLetters.js';
import { REPO_ROOT } from '../cli/readmeSection.js';
import { CHROMIUM, launchChromium, skipBrowser } from './browser.js';

const skip = skipBrowser;
const title = skip
  ? `web form in a real browser (SKIPPED: ${CHROMIUM} not found; install it with apt-get install -y chromium)`
  : 'web form in a real browser (Debian chromium via playwright-core)';

const SCREENSHOTS = '/tmp';

/** Every visible text whose color against its background is below the WCAG AA 4.5:1 ratio. */
async function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node: Element | null): number[] => {
      for (let n = node; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const results: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const parent = t.parentElement!;
      if (!t.textContent?.trim() || !parent.checkVisibility()) continue;
      if (parent.closest('.visually-hidden, .skip-link')) continue;
      const fg = parse(getComputedStyle(parent).color).slice(0, 3);
      const [a, b] = [luminance(fg), luminance(background(parent))].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) results.push(`${ratio.toFixed(2)}: "${t.textContent.trim().slice(0, 40)}"`);
    }
    return results;
  });
}

// Runs without a browser too: the page, its script and its styles, with their headers.
describe('GET / serves the web form', () => {
  let plain: FastifyInstance;
  beforeAll(async () => {
    plain = await buildApp({ settings: loadSettings({ LOG_LEVEL: 'silent', OCR_WORKERS: '0' }) });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('serves the page with a strict Content-Security-Policy and its script as a file', async () => {
    const page = await plain.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script blocks
    expect(page.body).toMatch(/capture="environment"/);
    const script = await plain.inject({ method: 'GET', url: '/assets/app.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    const styles = await plain.inject({ method: 'GET', url: '/assets/styles.css' });
    expect(styles.headers['content-type']).toMatch(/^text\/css/);
  });

  it('is found after npm run build too: the build copies the files next to the compiled route', async () => {
    expect(findWebFormDir()).toBe(path.join(REPO_ROOT, 'src/http/webForm'));
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    // dist/http/routes/webForm.js looks in ../webForm, i.e. dist/http/webForm.
    expect(pkg.scripts.build).toContain("fs.cpSync('src/http/webForm','dist/http/webForm',{recursive:true})");
  });
});

describe.skipIf(skip)(title, () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    app = await buildApp({ settings: loadSettings({ LOG_LEVEL: 'silent', OCR_WORKERS: '0' }) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The report the API gives for the same bytes and name: what the page must show. */
  async function apiReport(letter: FixtureLetter): Promise<Report> {
    const response = await app.inject({
      method: 'POST',
      url: `/v1/validate?student_name=${encodeURIComponent(letter.studentName)}`,
      headers: { 'content-type': letter.mediaType },
      payload: letter.bytes,
    });
    expect(response.statusCode).toBe(200);
    return response.json() as Report;
  }

  async function openForm(
    viewport: { width: number; height: number },
    permissions = ['clipboard-read', 'clipboard-write'],
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport, permissions });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // CSP violations and script failures surface as console errors.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const response = await page.goto(`${base}/`);
    expect(response?.status()).toBe(200);
    return { context, page, problems };
  }

  async function uploadAndWait(page: Page, letter: FixtureLetter) {
    await page.setInputFiles('#file', { name: letter.name, mimeType: letter.mediaType, buffer: letter.bytes });
    await expect.poll(() => page.textContent('#chosen-file')).toContain(letter.name);
    await page.fill('#student-name', letter.studentName);
    await page.click('#submit');
    await page.waitForSelector('#result:not([hidden])', { timeout: 30_000 });
  }

  async function expectPageShows(page: Page, report: Report) {
    const verdictWords = { complete: 'Complete', incomplete: 'Incomplete', needs_review: 'Needs review' }[report.verdict];
    expect(await page.textContent('#verdict-heading')).toContain(verdictWords);
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe(report.verdict);

    const markWords = { present: 'Present', missing: 'Missing', invalid: 'Not acceptable', uncertain: 'Uncertain' };
    for (const [name, element] of Object.entries(report.elements)) {
      const list = element.required ? '#required-list' : '#optional-list';
      const item = page.locator(`${list} li[data-element="${name}"]`);
      expect(await item.getAttribute('data-status'), name).toBe(element.status);
      // The mark is an icon and a word, never a color alone.
      expect(await item.locator('.mark-text').textContent(), name).toBe(markWords[element.status]);
      expect((await item.locator('.mark-icon').textContent())?.trim(), name).not.toBe('');
      for (const evidence of element.evidence) {
        const quotes = await item.locator('.evidence blockquote').allTextContents();
        expect(quotes, name).toContain(evidence.quote);
        const captions = await item.locator('.evidence figcaption').allTextContents();
        expect(captions, name).toContain(`From the letter, page ${evidence.page}`);
      }
      if (element.status !== 'present' && element.fix) {
        expect(await item.locator('.fix-text').textContent(), name).toBe(element.fix);
      }
    }

    const shownFindings = await page.locator('#findings-list li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    expect(shownFindings).toEqual(report.findings.filter((f) => !f.code.startsWith('ELEMENT_')).map((f) => f.code));

    // Focus moves to the result so a screen-reader user hears it; the live status says it too.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verdict-heading');
    expect(await page.textContent('#status')).toBe('Done: the report is below.');
    const lacking = Object.values(report.elements).filter((e) => e.required && (e.status === 'missing' || e.status === 'invalid'));
    expect(await page.isVisible('#verdict-needed')).toBe(lacking.length > 0);
  }

  it('checks a PDF letter and shows the checklist, evidence, fixes, the email to copy, all at 4.5:1 contrast (desktop)', async () => {
    // A letter with no hours per week anywhere (fixtures/labels.json says so).
    const letter = await fixtureLetter('text/pdfkit-classic-05.pdf');
    expect(letter.label.elements.hours_per_week.status).toBe('missing');
    const expected = await apiReport(letter);
    expect(expected.verdict).toBe(letter.label.expectedVerdict);
    const fix = expected.elements.hours_per_week.fix!;

    const { context, page, problems } = await openForm({ width: 1280, height: 900 });
    await uploadAndWait(page, letter);
    await expectPageShows(page, expected);

    // A present element with its quoted evidence, and the missing one with the sentence to ask for.
    const title = page.locator('#required-list li[data-element="job_title"]');
    expect(await title.locator('.mark-text').textContent()).toBe('Present');
    expect(await title.locator('.value').textContent()).toBe(letter.label.elements.job_title.value);
    // The quote keeps the letter's own line breaks (a sentence wrapped across two lines); read as shown, they are spaces.
    expect((await title.locator('.evidence blockquote').first().textContent())?.replace(/\s+/g, ' ')).toContain(letter.label.elements.job_title.value);
    expect(await page.textContent('#verdict-needed')).toBe('Still needed: Hours per week.');
    const hours = page.locator('#required-list li[data-element="hours_per_week"]');
    expect(await hours.locator('.mark-text').textContent()).toBe('Missing');
    expect(await hours.locator('.mark-icon').textContent()).toBe('✗');
    expect(await hours.locator('.fix-text').textContent()).toBe(fix);

    // The email lists every missing or unacceptable required element's fix and is signed with the name.
    const email = await page.inputValue('#email-text');
    expect(email).toMatch(/^Subject: Request for an updated offer letter/);
    expect(email).toContain(`- ${fix}`);
    for (const element of Object.values(expected.elements)) {
      if (element.required && (element.status === 'missing' || element.status === 'invalid')) expect(email).toContain(`- ${element.fix}`);
    }
    expect(email.trimEnd().endsWith(letter.studentName)).toBe(true);
    expect(email).toContain(`the ${letter.label.elements.job_title.value} position`);
    // Addressed to whoever signed the offer.
    expect(email).toContain(`\n\nDear ${expected.elements.signature.value!.signer},\n\n`);
    expect(email).not.toContain('..');
    const mailto = await page.getAttribute('#mail-link', 'href');
    expect(decodeURIComponent(mailto ?? '')).toContain(fix);

    expect(decodeURIComponent(mailto ?? '')).toContain('subject=Request for an updated offer letter&body=Dear ');

    // The student may change the email; what is copied and mailed is their version.
    await page.focus('#email-text');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nClass of 2028');
    const edited = await page.inputValue('#email-text');
    expect(edited).toBe(`${email}\nClass of 2028`);
    expect(decodeURIComponent((await page.getAttribute('#mail-link', 'href')) ?? '')).toContain('Class of 2028');
    await page.click('#copy-email');
    await expect.poll(() => page.textContent('#status')).toContain('Email copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(edited);

    await page.click('#optional-block summary');
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-desktop.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('checks a DOCX letter on a 375-px phone screen without sideways scrolling', async () => {
    // A letter with no description of the duties.
    const letter = await fixtureLetter('text/docx-header-03.docx');
    expect(letter.label.elements.duties.status).toBe('missing');
    const expected = await apiReport(letter);
    const { context, page, problems } = await openForm({ width: 375, height: 812 }, ['clipboard-read']);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-phone-empty.png`, fullPage: true });
    await uploadAndWait(page, letter);
    await expectPageShows(page, expected);
    const duties = page.locator('#required-list li[data-element="duties"]');
    expect(await duties.locator('.mark-text').textContent()).toBe('Missing');
    expect(await duties.locator('.fix-text').textContent()).toBe(expected.elements.duties.fix);
    expect(await page.inputValue('#email-text')).toContain(`- ${expected.elements.duties.fix}`);

    // Where the Clipboard API is refused (plain http on a phone, say), copying still works the old way.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await page.click('#copy-email');
    expect(await page.textContent('#status')).toBe('Email copied. Paste it into a new message to your employer.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.inputValue('#email-text'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a letter that needs review with its findings, and a complete one with nothing to ask for', async () => {
    const unpaid = await fixtureLetter('text/chromium-table-06.pdf');
    const expected = await apiReport(unpaid);
    expect(expected.verdict).toBe('needs_review');
    const { context, page, problems } = await openForm({ width: 1280, height: 900 });
    await uploadAndWait(page, unpaid);
    await expectPageShows(page, expected);
    const finding = page.locator('#findings-list li[data-code="PAY_UNPAID"]');
    expect(await finding.locator('.mark-text').textContent()).toBe('Warning');
    expect(await finding.locator('.finding-message').textContent()).toContain(expected.findings.find((f) => f.code === 'PAY_UNPAID')!.message);
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-review.png`, fullPage: true });

    const complete = await fixtureLetter('text/pdfkit-classic-01.pdf');
    const expectedComplete = await apiReport(complete);
    expect(expectedComplete.verdict).toBe('complete');
    await uploadAndWait(page, complete);
    await expectPageShows(page, expectedComplete);
    expect(await page.isHidden('#email-block')).toBe(true);
    expect(await page.isHidden('#verdict-needed')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the camera for a photo, previews it, and takes a dropped file', async () => {
    const { context, page } = await openForm({ width: 375, height: 812 });
    expect(await page.getAttribute('#photo', 'capture')).toBe('environment');
    expect(await page.getAttribute('#photo', 'accept')).toBe('image/*');
    expect(await page.textContent('label[for="photo"]')).toBe('Take a photo');
    expect(await page.getAttribute('#file', 'accept')).toContain('application/pdf');

    // A photo taken with the camera is previewed, so the student sees the whole page made it in.
    const photo = await readFile(path.join(FIXTURES_DIR, 'ocr/png-clean-01.png'));
    await page.setInputFiles('#photo', { name: 'IMG_0412.png', mimeType: 'image/png', buffer: photo });
    await page.waitForSelector('#preview:not([hidden])');
    expect(await page.getAttribute('#preview', 'alt')).toBe('Preview of IMG_0412.png');
    expect(await page.textContent('#chosen-file')).toMatch(/^Chosen: IMG_0412\.png \(\d+ KB\)$/);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-phone-photo.png`, fullPage: true });

    const text = 'Dropped letter text';
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped-letter.txt', { type: 'text/plain' }));
      document.getElementById('dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    expect(await page.textContent('#chosen-file')).toBe(`Chosen: dropped-letter.txt (${text.length} bytes)`);
    expect(await page.isHidden('#preview')).toBe(true); // a text file has no picture
    await context.close();
  });

  it('can be used with the keyboard alone, in a sensible order', async () => {
    const { context, page } = await openForm({ width: 1280, height: 900 });
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className));
    }
    // The program choice appears only when the service has more than one profile.
    const withProfile = await page.isVisible('#profile');
    expect(order).toEqual(['skip-link', 'file', 'photo', 'student-name', withProfile ? 'profile' : 'submit']);
    // Every form control has a label a screen reader announces.
    const unlabeled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((c) => !(c as HTMLInputElement).labels?.length)
        .map((c) => c.id),
    );
    expect(unlabeled).toEqual([]);
    // Submitting with nothing chosen explains what to do, in words, and moves focus there.
    await page.focus('#submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error-heading')).toBe('No letter chosen');
    await context.close();
  });

  it('draws a PDF letter\'s page with pdf.js from this service and outlines each quote where its words are', async () => {
    // A Chromium-printed letter: embedded fonts and a terms table.
    const letter = await fixtureLetter('text/chromium-table-04.pdf');
    const expected = await apiReport(letter);
    const boxed = Object.entries(expected.elements).filter(([, e]) => e.evidence.some((ev) => ev.box));
    expect(boxed.length).toBeGreaterThan(5);

    const { context, page, problems } = await openForm({ width: 1280, height: 900 });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await uploadAndWait(page, letter);
    await page.waitForSelector('#page-view:not([hidden]) .page-figure canvas', { timeout: 30_000 });

    // One outline per quote with a box, each placed where the report says, in percent of the page.
    for (const [name, element] of boxed) {
      const boxes = page.locator(`#page-list .evidence-box[data-element="${name}"]`);
      expect(await boxes.count(), name).toBe(element.evidence.filter((e) => e.box).length);
    }
    // Each outline sits on ink: the drawn page has dark pixels inside it (the quote's words), so a
    // box in the wrong frame (flipped, unscaled, shifted) shows here.
    const inkInBoxes = await page.evaluate(() =>
      (Array.from(document.querySelectorAll('#page-list .page-figure')) as HTMLElement[]).flatMap((figure) => {
      const canvas = figure.querySelector('canvas')!;
      const context = canvas.getContext('2d')!;
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const darkShare = (x: number, y: number, w: number, h: number) => {
        let dark = 0;
        let all = 0;
        for (let py = Math.floor(y * height); py < Math.min(height, Math.ceil((y + h) * height)); py++) {
          for (let px = Math.floor(x * width); px < Math.min(width, Math.ceil((x + w) * width)); px++) {
            const i = (py * width + px) * 4;
            all++;
            if (data[i] + data[i + 1] + data[i + 2] < 384) dark++;
          }
        }
        return all ? dark / all : 0;
      };
      return (Array.from(figure.querySelectorAll('.evidence-box')) as HTMLElement[]).map((box) => {
        const [x, y, w, h] = ['left', 'top', 'width', 'height'].map((k) => parseFloat(box.style.getPropertyValue(k)) / 100);
        return { element: `${box.dataset.element} (page ${figure.dataset.page})`, ink: darkShare(x, y, w, h) };
      });
    }));
    expect(inkInBoxes.length).toBeGreaterThan(5);
    for (const { element, ink } of inkInBoxes) expect(ink, element).toBeGreaterThan(0.02);

    // "Show on the letter" brings the page to the element's outline and marks it.
    await page.click('#required-list li[data-element="job_title"] .show-on-page');
    expect(await page.locator('#page-list .evidence-box.active[data-element="job_title"]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('page-figure'))).toBe(true);

    // pdf.js came from this service (no CDN), and nothing ran against the page's CSP.
    expect(requests.some((url) => url.endsWith('/assets/pdfjs/pdf.worker.min.mjs'))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(base) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-page-view.png`, fullPage: true });
    await context.close();
  });

  it('serves pdf.js only by the names the package ships, never a path', async () => {
    const worker = await app.inject({ method: 'GET', url: '/assets/pdfjs/pdf.worker.min.mjs' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^text\/javascript/);
    const cmap = await app.inject({ method: 'GET', url: '/assets/pdfjs/cmaps/UniGB-UCS2-H.bcmap' });
    expect(cmap.statusCode).toBe(200);
    for (const url of ['/assets/pdfjs/../package.json', '/assets/pdfjs/%2e%2e/package.json', '/assets/pdfjs/cmaps/..%2f..%2fpackage.json', '/assets/pdfjs/pdf.mjs']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('shows a refused upload plainly with the problem detail', async () => {
    const { context, page } = await openForm({ width: 1280, height: 900 });
    const junk = Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03]);
    await page.setInputFiles('#file', { name: 'letter.bin', mimeType: 'application/octet-stream', buffer: junk });
    await page.click('#submit');
    await page.waitForSelector('#error:not([hidden])', { timeout: 30_000 });
    const problem = (await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/octet-stream' }, payload: junk })).json();
    expect(await page.textContent('#error-heading')).toBe(problem.title);
    expect(await page.textContent('#error-detail')).toBe(problem.detail);
    expect(await page.textContent('#error-meta')).toContain(problem.code);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-heading');
    expect(await page.isHidden('#result')).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/offercheck-form-error.png`, fullPage: true });
    await context.close();
  });
});
