// The students' web form: posts the chosen letter to /v1/validate and shows the JSON report as a checklist.
// Plain ES module, no framework, no build step. Everything from the report is inserted as text, never as HTML.

// The checklist's words for each element come from the service (GET /v1/profiles), never a copy here.
const ELEMENT_LABELS = {};

// Icon and word together, so the mark never rests on color alone.
const STATUS = {
  present: { icon: '✓', text: 'Present' },
  missing: { icon: '✗', text: 'Missing' },
  invalid: { icon: '!', text: 'Not acceptable' },
  uncertain: { icon: '?', text: 'Uncertain' },
};

const SEVERITY = {
  error: { icon: '✗', text: 'Problem' },
  warning: { icon: '!', text: 'Warning' },
  info: { icon: 'i', text: 'Note' },
};

const PER = {
  hour: 'per hour',
  week: 'per week',
  biweekly: 'every two weeks',
  semimonthly: 'twice a month',
  month: 'per month',
  year: 'per year',
  total: 'in total',
};

const $ = (id) => document.getElementById(id);

const form = $('check-form');
const fileInput = $('file');
const addFileInput = $('add-file');
const photoInput = $('photo');
const dropzone = $('dropzone');
const chosenFile = $('chosen-file');
const submitButton = $('submit');
const statusLine = $('status');
const errorBox = $('error');
const resultBox = $('result');

// The documents to check, the letter first: more than one is a case (a follow-up email, another page).
let selectedFiles = [];
// What was last checked, so that the record can be asked for the same documents.
let lastCheck = null;
const profileNames = new Map();

/** Grows the email box to its text, so the whole email is readable without scrolling inside it. */
function fitTextarea(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + 4}px`;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function formatDate(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function formatMoney(amount, currency) {
  try {
    const whole = Number.isInteger(amount);
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The element's normalized value in words, or null when it has none. */
function describeValue(name, value) {
  if (value === null || value === undefined) return null;
  switch (name) {
    case 'letterhead':
      if (value.kind === 'email') return `Email${value.sender ? ` from ${value.sender}` : ''}${value.organization ? ` (${value.organization})` : ''}`;
      return `Letterhead${value.organization ? ` of ${value.organization}` : ''}`;
    case 'position_type':
      return value === 'co-op' ? 'Co-op' : 'Internship';
    case 'duties':
      return value.join('; ');
    case 'hours_per_week':
      if (value.min === null) return `up to ${value.max} hours a week`;
      return value.min === value.max ? `${value.min} hours a week` : `${value.min}–${value.max} hours a week`;
    case 'start_date':
    case 'end_date':
    case 'letter_date':
      return formatDate(value);
    case 'work_location': {
      const place = [value.street, value.city, [value.state, value.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      if (value.mode === 'remote') return place ? `Remote (${place})` : 'Remote';
      if (value.mode === 'hybrid') return place ? `Hybrid: ${place}` : 'Hybrid';
      return place;
    }
    case 'compensation': {
      if (value.per === 'unpaid') return 'Unpaid';
      if (value.amount === null) return PER[value.per] ? `Paid ${PER[value.per]}` : 'Paid';
      const amount = value.amountMax !== null && value.amountMax !== value.amount
        ? `${formatMoney(value.amount, value.currency)}–${formatMoney(value.amountMax, value.currency)}`
        : formatMoney(value.amount, value.currency);
      return `${amount} ${PER[value.per] ?? ''}`.trim();
    }
    case 'signature': {
      const kind = { image: 'Signed', electronic: 'Signed electronically', typed: 'Typed name only' }[value.kind] ?? 'Signed';
      return value.signer ? `${kind} by ${value.signer}` : kind;
    }
    case 'supervisor':
      return [value.name, value.title, value.email, value.phone].filter(Boolean).join(', ');
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** Where a quote comes from, in words: the page, and in a case of several documents which one. */
function quoteSource(evidence, documentCount) {
  if (documentCount <= 1) return `From the letter, page ${evidence.page}`;
  const name = evidence.document?.fileName || `document ${(evidence.document?.index ?? 0) + 1}`;
  return `From ${name}, page ${evidence.page}`;
}

function renderElement(name, element, documentCount) {
  const status = STATUS[element.status] ?? { icon: '?', text: element.status };
  const item = el('li', { className: `item status-${element.status}`, 'data-element': name, 'data-status': element.status });
  const head = el(
    'div',
    { className: 'item-head' },
    el('span', { className: 'mark' }, el('span', { className: 'mark-icon', 'aria-hidden': 'true' }, status.icon), el('span', { className: 'mark-text' }, status.text)),
    el('span', { className: 'item-name' }, ELEMENT_LABELS[name] ?? name),
  );
  item.append(head);
  const value = describeValue(name, element.value);
  if (value) item.append(el('p', { className: 'value' }, value));
  // Quotes from the same page share one caption, so a list of duties does not repeat "page 1" four times.
  const byPage = [];
  for (const evidence of element.evidence ?? []) {
    const source = quoteSource(evidence, documentCount);
    const last = byPage.at(-1);
    if (last && last.source === source) last.quotes.push(evidence.quote);
    else byPage.push({ source, quotes: [evidence.quote] });
  }
  for (const group of byPage) {
    item.append(
      el(
        'figure',
        { className: 'evidence' },
        ...group.quotes.map((quote) => el('blockquote', {}, quote)),
        el('figcaption', {}, group.source),
      ),
    );
  }
  if ((element.evidence ?? []).some((e) => e.box)) {
    const show = el('button', { type: 'button', className: 'button button-link show-on-page', 'data-show': name }, 'Show on the letter');
    show.addEventListener('click', () => showOnPage(name));
    item.append(show);
  }
  if (element.fix && element.status !== 'present') {
    item.append(el('p', { className: 'fix' }, el('strong', {}, 'Ask the employer: '), el('span', { className: 'fix-text' }, element.fix)));
  }
  return item;
}

function verdictText(report) {
  const required = Object.entries(report.elements).filter(([, e]) => e.required);
  const lacking = required.filter(([, e]) => e.status === 'missing' || e.status === 'invalid').length;
  const unsure = required.filter(([, e]) => e.status === 'uncertain').length;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (report.verdict === 'complete') {
    return { heading: 'Complete: your letter has everything on the checklist', summary: `All ${required.length} required items are in the letter.` };
  }
  if (report.verdict === 'needs_review') {
    const toConfirm = report.findings.filter((f) => f.severity === 'warning' && !f.code.startsWith('ELEMENT_')).length;
    const parts = [];
    if (unsure) parts.push(`${unsure} item${unsure === 1 ? '' : 's'} could not be read reliably`);
    if (toConfirm) parts.push(`an advisor has to confirm what is listed under “Other things we noticed”`);
    return {
      heading: 'Needs review: an advisor should look at your letter',
      summary: `Nothing required is missing, but ${parts.join(', and ') || 'an advisor has to confirm some of it'}.`,
    };
  }
  const parts = [];
  if (lacking) parts.push(`${lacking} required item${lacking === 1 ? ' is' : 's are'} missing or not acceptable`);
  if (!lacking && errors) parts.push(`${errors} problem${errors === 1 ? ' needs' : 's need'} fixing`);
  return { heading: 'Incomplete: your letter needs changes', summary: `${parts.join('; ') || 'Something needs fixing'}. Ask your employer for an updated letter.` };
}

/** The polite email asking the employer for everything missing; null when there is nothing to ask. */
function composeEmail(report, studentName) {
  const requests = [];
  const covered = new Set();
  for (const [name, element] of Object.entries(report.elements)) {
    if (!element.required || !(element.status === 'missing' || element.status === 'invalid')) continue;
    covered.add(name);
    requests.push(element.fix || `Please include ${(ELEMENT_LABELS[name] ?? name).toLowerCase()}.`);
  }
  for (const finding of report.findings) {
    if (finding.severity !== 'error' || finding.code.startsWith('ELEMENT_') || (finding.element && covered.has(finding.element))) continue;
    requests.push(`Please also correct this: ${finding.message}`);
  }
  if (requests.length === 0) return null;
  const title = report.elements.job_title?.status === 'present' ? report.elements.job_title.value : null;
  const employer = report.elements.employer_name?.status === 'present' ? report.elements.employer_name.value : null;
  const position = title ? `the ${title} position` : 'the position';
  // "Larkspur Inc." must not end the sentence with two full stops.
  const at = employer ? ` at ${employer.replace(/\.+$/, '')}` : '';
  const subject = 'Request for an updated offer letter';
  // The person who signed the offer is the one to write back to; otherwise a neutral greeting.
  const signer = report.elements.signature?.value?.signer;
  const body = [
    `Dear ${signer || 'Hiring Manager'},`,
    '',
    `Thank you again for offering me ${position}${at}. I am very much looking forward to it.`,
    '',
    `Before I can start, my school's international office needs to review my offer letter for my work authorization, and it needs ${requests.length === 1 ? 'one more detail' : 'a few more details'}. Could you please send me an updated letter on company letterhead that includes the following:`,
    '',
    ...requests.map((r) => `- ${r}`),
    '',
    'Thank you very much for your help.',
    '',
    'Best regards,',
    studentName || '[Your name]',
  ].join('\n');
  return { subject, body, text: `Subject: ${subject}\n\n${body}` };
}

function renderReport(report, studentName) {
  const verdict = verdictText(report);
  $('verdict').className = `verdict verdict-${report.verdict}`;
  $('verdict').dataset.verdict = report.verdict;
  $('verdict-heading').textContent = verdict.heading;
  $('verdict-summary').textContent = verdict.summary;
  const needed = Object.entries(report.elements)
    .filter(([, e]) => e.required && (e.status === 'missing' || e.status === 'invalid'))
    .map(([name]) => ELEMENT_LABELS[name] ?? name);
  $('verdict-needed').hidden = needed.length === 0;
  $('verdict-needed').textContent = needed.length ? `Still needed: ${needed.join(', ')}.` : '';

  const requiredList = $('required-list');
  const optionalList = $('optional-list');
  requiredList.replaceChildren();
  optionalList.replaceChildren();
  const documentCount = report.documents?.length ?? 1;
  for (const [name, element] of Object.entries(report.elements)) {
    (element.required ? requiredList : optionalList).append(renderElement(name, element, documentCount));
  }
  $('optional-block').hidden = optionalList.children.length === 0;

  // Element-level findings already show as the element's mark; the rest are listed here.
  const findings = report.findings.filter((f) => !f.code.startsWith('ELEMENT_'));
  const findingsList = $('findings-list');
  findingsList.replaceChildren(
    ...findings.map((f) => {
      const severity = SEVERITY[f.severity] ?? SEVERITY.info;
      return el(
        'li',
        { className: `finding severity-${f.severity}`, 'data-code': f.code },
        el('span', { className: 'mark' }, el('span', { className: 'mark-icon', 'aria-hidden': 'true' }, severity.icon), el('span', { className: 'mark-text' }, severity.text)),
        el('span', { className: 'finding-message' }, f.message, f.element ? ` (${ELEMENT_LABELS[f.element] ?? f.element})` : ''),
      );
    }),
  );
  $('findings-block').hidden = findings.length === 0;

  const email = composeEmail(report, studentName);
  $('email-block').hidden = email === null;
  $('jump-to-email').hidden = email === null;
  if (email) {
    $('email-text').value = email.text;
    updateMailLink();
  }

  const checklist = profileNames.get(report.profile) ?? report.profile;
  const describe = (doc) => {
    const source = doc.textSource === 'ocr' ? ', read from an image' : doc.textSource === 'mixed' ? ', partly read from images' : '';
    return `${doc.pages} page${doc.pages === 1 ? '' : 's'}${source}`;
  };
  const documents = report.documents ?? [report.document];
  const read =
    documents.length > 1
      ? `${documents.length} documents (${documents.map((d) => `${d.fileName || `document ${d.index + 1}`}, ${describe(d)}`).join('; ')})`
      : describe(report.document);
  $('document-meta').textContent = `Checked on ${formatDate(report.checkedOn)} against the checklist “${checklist}”: ${read}.`;
}

// The page view: each PDF page that holds evidence, drawn in the browser from the file the student
// chose by pdf.js served from this service, with every quote's box outlined. Boxes are fractions of the page, so the outlines are placed in percent and follow
// the picture at any width. Only the first pages with evidence are drawn, to keep a phone fast.
const PAGE_VIEW_MAX_PAGES = 4;
let pageViewRun = 0;
let pdfjsLoading = null;

function loadPdfjs() {
  pdfjsLoading ??= import('/assets/pdfjs/pdf.min.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/pdf.worker.min.mjs';
    return pdfjs;
  });
  return pdfjsLoading;
}

/** The boxes of every quote, by document and page: [{ document, page, marks: [{ name, quote, box }] }]. */
function boxesByPage(report) {
  const pages = new Map();
  for (const [name, element] of Object.entries(report.elements)) {
    for (const evidence of element.evidence ?? []) {
      if (!evidence.box) continue;
      const document = evidence.document?.index ?? 0;
      const key = `${document}:${evidence.page}`;
      if (!pages.has(key)) pages.set(key, { document, page: evidence.page, marks: [] });
      pages.get(key).marks.push({ name, quote: evidence.quote, box: evidence.box });
    }
  }
  return [...pages.values()].sort((a, b) => a.document - b.document || a.page - b.page);
}

/** A PDF's pages drawn to canvases, the file opened once; the widths are the page view's. */
async function drawPdfPages(file, pageNumbers, cssWidth) {
  const pdfjs = await loadPdfjs();
  // The same safe settings as the service's reader: no eval, no font faces, no forms.
  const task = pdfjs.getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    isEvalSupported: false,
    disableFontFace: true,
    enableXfa: false,
    cMapUrl: '/assets/pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: '/assets/pdfjs/standard_fonts/',
  });
  const pdf = await task.promise;
  const drawn = new Map();
  try {
    for (const number of pageNumbers) {
      if (number > pdf.numPages) continue;
      const page = await pdf.getPage(number);
      const unit = page.getViewport({ scale: 1 });
      const scale = Math.min(3, (cssWidth * (window.devicePixelRatio || 1)) / unit.width);
      const viewport = page.getViewport({ scale });
      const canvas = el('canvas', { width: String(Math.floor(viewport.width)), height: String(Math.floor(viewport.height)), className: 'page-picture' });
      await page.render({ canvasContext: canvas.getContext('2d'), canvas, viewport }).promise;
      drawn.set(number, canvas);
    }
  } finally {
    await pdf.destroy();
  }
  return drawn;
}

async function renderPageView(report, files) {
  const run = ++pageViewRun;
  const list = $('page-list');
  list.replaceChildren();
  $('page-view').hidden = true;
  const documents = report.documents ?? [{ ...report.document, index: 0, fileName: files[0]?.name ?? null }];
  const wanted = boxesByPage(report)
    .filter(({ document, page }) => {
      const type = documents[document]?.mediaType ?? '';
      // A photo's boxes are on the page as OCR read it (turned upright, straightened, scaled), not on
      // the picture as the browser shows it: only a PDF's pages are drawn in the boxes' own frame.
      return files[document] && type === 'application/pdf';
    })
    .slice(0, PAGE_VIEW_MAX_PAGES);
  if (wanted.length === 0) return;
  const cssWidth = Math.max(320, list.clientWidth || $('result').clientWidth || 640);
  const pictures = new Map();
  for (const index of new Set(wanted.map((w) => w.document))) {
    const file = files[index];
    try {
      const drawn = await drawPdfPages(file, wanted.filter((w) => w.document === index).map((w) => w.page), cssWidth);
      for (const [number, canvas] of drawn) pictures.set(`${index}:${number}`, canvas);
    } catch {
      // A page the browser cannot draw is left out; the report above is complete without it.
    }
    if (run !== pageViewRun) return;
  }
  for (const { document, page, marks } of wanted) {
    const picture = pictures.get(`${document}:${page}`);
    if (!picture) continue;
    const name = documents[document]?.fileName || (documents.length > 1 ? `document ${document + 1}` : 'the letter');
    const sheet = el('div', { className: 'page-sheet' }, picture);
    for (const mark of marks) {
      const { x, y, width, height } = mark.box;
      const box = el('span', {
        className: 'evidence-box',
        'data-element': mark.name,
        title: `${ELEMENT_LABELS[mark.name] ?? mark.name}: ${mark.quote}`,
      });
      // Through the CSSOM: the page's CSP allows no style attributes written as text.
      Object.assign(box.style, { left: `${x * 100}%`, top: `${y * 100}%`, width: `${width * 100}%`, height: `${height * 100}%` });
      sheet.append(box);
    }
    list.append(
      el(
        'figure',
        { className: 'page-figure', tabindex: '-1', 'data-document': String(document), 'data-page': String(page) },
        sheet,
        el('figcaption', {}, `${name}, page ${page}: ${marks.length} quote${marks.length === 1 ? '' : 's'} outlined`),
      ),
    );
  }
  $('page-view').hidden = list.children.length === 0;
}

/** Brings the first page holding an element's evidence into view and marks its boxes. */
function showOnPage(name) {
  const boxes = [...document.querySelectorAll(`#page-list .evidence-box[data-element="${CSS.escape(name)}"]`)];
  for (const box of document.querySelectorAll('#page-list .evidence-box.active')) box.classList.remove('active');
  if (boxes.length === 0) {
    statusLine.textContent = 'This item is not on a page drawn here (the page could not be drawn in this browser).';
    return;
  }
  for (const box of boxes) box.classList.add('active');
  const figure = boxes[0].closest('figure');
  figure.scrollIntoView({ block: 'center' });
  figure.focus({ preventScroll: true });
  statusLine.textContent = `${ELEMENT_LABELS[name] ?? name} is outlined on ${figure.querySelector('figcaption').textContent.split(':')[0]}.`;
}

function showError(title, detail, meta) {
  resultBox.hidden = true;
  errorBox.hidden = false;
  $('error-heading').textContent = title;
  $('error-detail').textContent = detail || '';
  $('error-meta').textContent = meta || '';
  statusLine.textContent = `Error: ${title}.`;
  $('error-heading').focus();
}

let previewUrl = null;

/** A photo is shown small, so the student can see it is the whole page and sharp before sending it. */
function showPreview(file) {
  const preview = $('preview');
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  preview.hidden = true;
  preview.removeAttribute('src');
  if (!file || !file.type.startsWith('image/')) return;
  previewUrl = URL.createObjectURL(file);
  preview.alt = `Preview of ${file.name || 'the photo'}`;
  // Some formats (HEIC outside Safari) cannot be shown; the service still reads them.
  preview.onload = () => {
    preview.hidden = false;
  };
  preview.onerror = () => {
    preview.hidden = true;
  };
  preview.src = previewUrl;
}

/** The chosen documents in words, and a list with a Remove button for each once there are several. */
function showChosenFiles() {
  const files = selectedFiles;
  if (files.length === 0) chosenFile.textContent = 'No file chosen yet.';
  else if (files.length === 1) chosenFile.textContent = `Chosen: ${files[0].name || 'photo'} (${formatBytes(files[0].size)})`;
  else chosenFile.textContent = `Chosen: ${files.length} documents, checked together; the first is the letter.`;
  const list = $('file-list');
  list.hidden = files.length < 2;
  list.replaceChildren(
    ...(files.length < 2
      ? []
      : files.map((file, index) => {
          const name = file.name || `photo ${index + 1}`;
          const remove = el('button', { type: 'button', className: 'button button-secondary remove-file', 'aria-label': `Remove ${name}` }, 'Remove');
          remove.addEventListener('click', () => {
            selectedFiles = selectedFiles.filter((_, i) => i !== index);
            showChosenFiles();
            // The button is gone: focus goes back to choosing files, not to the top of the page.
            ($('add-file-button').hidden ? fileInput : addFileInput).focus();
          });
          return el('li', { 'data-file': name }, `${name} (${formatBytes(file.size)})${index === 0 ? ' – the letter' : ''}`, remove);
        })),
  );
  dropzone.classList.toggle('has-file', files.length > 0);
  $('add-file-button').hidden = files.length === 0;
  // A photo is previewed alone: the last one taken, to see it is the whole page and sharp.
  showPreview(files.at(-1));
}

/** Replaces the chosen documents (Choose a file, a drop), or adds to them (Add a follow-up or page, Take a photo). */
function chooseFiles(files, { add = false } = {}) {
  const chosen = Array.from(files ?? []).filter(Boolean);
  selectedFiles = add ? [...selectedFiles, ...chosen] : chosen;
  showChosenFiles();
}

fileInput.addEventListener('change', () => {
  chooseFiles(fileInput.files);
  photoInput.value = '';
});
addFileInput.addEventListener('change', () => {
  chooseFiles(addFileInput.files, { add: true });
  addFileInput.value = '';
});
photoInput.addEventListener('change', () => {
  // A second page photographed after the first is added to it.
  chooseFiles(photoInput.files, { add: true });
  photoInput.value = '';
  fileInput.value = '';
});

for (const type of ['dragenter', 'dragover']) {
  dropzone.addEventListener(type, (event) => {
    event.preventDefault();
    dropzone.classList.add('dragging');
  });
}
for (const type of ['dragleave', 'drop']) {
  dropzone.addEventListener(type, () => dropzone.classList.remove('dragging'));
}
dropzone.addEventListener('drop', (event) => {
  event.preventDefault();
  const files = event.dataTransfer?.files;
  if (!files || files.length === 0) return;
  photoInput.value = '';
  fileInput.value = '';
  chooseFiles(files);
});

/** The request body for the chosen documents and options: the same for the report and for the record. */
function checkRequestBody(check) {
  const body = new FormData();
  if (check.studentName) body.append('student_name', check.studentName);
  if (check.profile) body.append('profile', check.profile);
  check.files.forEach((file, index) => body.append('file', file, file.name || (index === 0 ? 'letter' : `document-${index + 1}`)));
  return body;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (selectedFiles.length === 0) {
    showError('No letter chosen', 'Choose your offer letter (or take a photo of it) first, then press “Check my letter”.');
    fileInput.focus();
    return;
  }
  const studentName = $('student-name').value.trim();
  const check = { files: [...selectedFiles], studentName, profile: $('profile').value };
  const body = checkRequestBody(check);

  submitButton.disabled = true;
  // The previous letter's report must not be mistaken for this one's.
  resultBox.hidden = true;
  pageViewRun++;
  resultBox.setAttribute('aria-busy', 'true');
  errorBox.hidden = true;
  statusLine.textContent = 'Checking your letter… Scans and photos can take up to a minute.';
  try {
    let response;
    try {
      response = await fetch('/v1/validate', { method: 'POST', body, headers: { accept: 'application/json' } });
    } catch {
      showError('The service could not be reached', 'Check your connection and try again.');
      return;
    }
    let payload = null;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
    if (!response.ok || !payload || !payload.elements) {
      const title = payload?.title ?? `The service answered ${response.status}`;
      const meta = [payload?.code, payload?.requestId ? `request ${payload.requestId}` : null].filter(Boolean).join(' · ');
      showError(title, payload?.detail ?? '', meta);
      return;
    }
    // The element names the report is shown with come from the service.
    await profilesLoaded;
    renderReport(payload, studentName);
    lastCheck = check;
    // Drawn after the report is shown: the checklist never waits for a page picture.
    renderPageView(payload, check.files);
    resultBox.hidden = false;
    fitTextarea($('email-text'));
    statusLine.textContent = 'Done: the report is below.';
    $('verdict-heading').focus();
  } finally {
    submitButton.disabled = false;
    resultBox.removeAttribute('aria-busy');
  }
});

/**
 * The record for the student's file: the same documents checked again, answered as a PDF
 * (Accept: application/pdf), saved through a link to the downloaded bytes. Nothing is kept on the
 * server between the two requests, so the record is made from a check of its own.
 */
$('download-record').addEventListener('click', async () => {
  if (!lastCheck) return;
  const button = $('download-record');
  button.disabled = true;
  statusLine.textContent = 'Making the record…';
  try {
    let response;
    try {
      response = await fetch('/v1/validate', { method: 'POST', body: checkRequestBody(lastCheck), headers: { accept: 'application/pdf' } });
    } catch {
      statusLine.textContent = 'The record could not be made: the service could not be reached.';
      return;
    }
    if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('application/pdf')) {
      const problem = await response.json().catch(() => null);
      statusLine.textContent = `The record could not be made: ${problem?.detail ?? problem?.title ?? `the service answered ${response.status}`}`;
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'offercheck-record.pdf';
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    statusLine.textContent = `The record is downloaded as ${name}.`;
  } finally {
    button.disabled = false;
  }
});

/** The email app gets the text as the student left it: a first "Subject:" line becomes the subject. */
function updateMailLink() {
  const text = $('email-text').value;
  const match = /^Subject: (.*)\n\n?/.exec(text);
  const subject = match ? match[1] : '';
  const body = match ? text.slice(match[0].length) : text;
  $('mail-link').href = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

$('email-text').addEventListener('input', () => {
  updateMailLink();
  fitTextarea($('email-text'));
});

window.addEventListener('resize', () => {
  if (!$('email-block').hidden) fitTextarea($('email-text'));
});

$('jump-to-email').addEventListener('click', (event) => {
  event.preventDefault();
  $('email-block').scrollIntoView();
  $('email-block').focus();
});

$('copy-email').addEventListener('click', async () => {
  const textarea = $('email-text');
  let copied = false;
  try {
    await navigator.clipboard.writeText(textarea.value);
    copied = true;
  } catch {
    // Clipboard API refused (plain http on another host, or no permission): the old way still works there.
    textarea.focus();
    textarea.select();
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
  }
  statusLine.textContent = copied ? 'Email copied. Paste it into a new message to your employer.' : 'Copying was blocked: the email is selected, press Ctrl+C (or ⌘C) to copy it.';
  if (!copied) {
    textarea.focus();
    textarea.select();
  }
});

// More than one school profile: let the student choose; a failure just keeps the default.
const profilesLoaded = fetch('/v1/profiles', { headers: { accept: 'application/json' } })
  .then((r) => (r.ok ? r.json() : null))
  .then((data) => {
    for (const e of data?.elements ?? []) ELEMENT_LABELS[e.name] = e.label;
    const profiles = data?.profiles ?? [];
    for (const p of profiles) profileNames.set(p.id, p.name);
    if (profiles.length < 2) return;
    const select = $('profile');
    select.replaceChildren(...profiles.map((p) => el('option', { value: p.id }, p.name)));
    select.value = profiles.some((p) => p.id === 'cpt') ? 'cpt' : profiles[0].id;
    $('profile-field').hidden = false;
  })
  .catch(() => {});
