import type { Box } from '../document/letterDocument.js';
import { layoutOf, type LayoutView } from './layout/layoutView.js';
import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { letterLines, type LetterLine } from './shared/letterLines.js';
import { missing, present, type FoundElement, type FoundEvidence } from './shared/foundElement.js';
import { letterSentences, signatureBlock, signerOfLine } from './shared/sections.js';
import { domainOf, findOrgNames, isFreeMail, orgMatchesDomain } from './shared/orgNames.js';
import { cleanPersonName, sameOrPartOf } from './shared/names.js';
import { extractStudentName } from './studentName.js';

// An OCR line read under this confidence is as likely a smudge as words.
const SURE_READING = 0.5;

const FIX = 'Please have the letter signed by the employer (a signature over the signer\'s name and title).';

// Marks of an electronic signature, anywhere in the letter.
// "signed with/via" alone says nothing ("Contract signed with LLC"): only a service's name does.
const ESIGN_SERVICE = /\b(?:docusign\s+envelope\s+id|docusign|adobe\s+(?:acrobat\s+)?sign|echosign|hellosign|dropbox\s+sign|pandadoc|signnow|signwell|zoho\s+sign|yousign)\b/iu;
const ESIGN_LINE =
  /^(?:\/s\/\s*\S|(?:electronically|digitally)\s+signed\b|e-?signed\b|signed\s+electronically\b)|\((?:e-?signature|electronic(?:ally)?\s+signed|signed\s+electronically|digital\s+signature)\)/iu;

export function extractSignature(letter: Letter): FoundElement<'signature'> {
  return withPlacedEvidence(letter, findSignature(letter));
}

function findSignature(letter: Letter): FoundElement<'signature'> {
  const trace: string[] = [];
  const lines = letterLines(letter);
  const block = signatureBlock(letter);

  const esignLines = lines.filter((l) => ESIGN_LINE.test(l.text));
  const service = lines.find((l) => ESIGN_SERVICE.test(l.text));

  // The signer: a name on the closing line, else the first name under the closing, else an e-signed name.
  let signer: string | null = block?.closing.inlineName ?? null;
  let signerLine = block && signer ? block.closing.line : null;
  if (!signer && block) {
    // The typed name sits over a title or the company; a name-shaped line with none below it may be a
    // drawn signature that OCR read as letters ("Mags Yecatnaes." over "Luis Alvarado / Chief Operating Officer").
    const named = block.lines.map((line, at) => ({ line, at, name: signerOfLine(line.text) })).filter((n) => n.name);
    const titled = named.find((n) => {
      const below = block.lines[n.at + 1]?.text ?? '';
      return below !== '' && !signerOfLine(below);
    });
    const chosen = titled ?? named[0];
    if (chosen) {
      signer = chosen.name;
      signerLine = chosen.line;
    }
  }
  if (!signer) {
    for (const line of esignLines) {
      const name = signerOfLine(line.text);
      if (name) {
        signer = name;
        signerLine = line;
        break;
      }
    }
  }
  if (signer && isCompanyOfLetter(letter, signer)) {
    trace.push(`"${signer}" under the closing is the company's name, not a person's`);
    signer = null;
    signerLine = null;
  }
  if (!signer && block) {
    // "The Acme Recruiting Team": a typed sign-off without a person.
    const team = block.lines.find((l) => /\bteam\b|\bdepartment\b|\bhuman\s+resources\b|\brecruiting\b/i.test(l.text) && l.text.length < 60);
    if (team) trace.push(`signed off by "${team.text}", no person named`);
  }

  if (!signer) {
    // "______ / Monica Delacroix / University Recruiting Lead": a signature line over a typed name,
    // even where the complimentary close stands elsewhere (LaTeX's letter class sets it apart).
    const lined = signatureLineSigner(letter, lines);
    if (lined && !isCompanyOfLetter(letter, lined.name)) {
      signer = lined.name;
      signerLine = lined.line;
      trace.push(`signature line over the typed name "${signer}"`);
    }
  }
  if (!block && esignLines.length === 0 && !service && !signer) {
    trace.push('no closing ("Sincerely," "Best regards,") and no signature line');
    return missing<'signature'>(FIX, trace);
  }
  if (!block && !signer && !service) {
    trace.push('no closing and no signer name');
    return missing<'signature'>(FIX, trace);
  }

  const closingPage = block?.closing.line.page ?? signerLine?.page ?? letter.pages[0]?.number ?? 1;
  const evidenceLines = [block?.closing.line, signerLine].filter((l): l is NonNullable<typeof l> => Boolean(l));
  const evidence: FoundEvidence[] = [...new Map(evidenceLines.map((l) => [`${l.page}:${l.text}`, { page: l.page, quote: l.text, span: l.span }])).values()];

  const esign = esignLines.find((l) => !block || l.page >= block.closing.line.page) ?? esignLines[0];
  if (esign || service) {
    const mark = esign ?? service!;
    trace.push(`electronic signature: "${mark.text.slice(0, 80)}"`);
    if (!evidence.some((e) => e.quote === mark.text)) evidence.push({ page: mark.page, quote: mark.text });
    if (signer) trace.push(`signer "${signer}"`);
    return present<'signature'>({ kind: 'electronic', signer }, evidence, signer ? 0.9 : 0.75, trace);
  }

  // On a scanned page the signature is part of the picture: OCR reads a drawn signature as stray text
  // between the closing and the typed name, and "/s/ Name" as the name behind a few odd characters.
  const closingSource = letter.pages.find((p) => p.number === closingPage)?.source;
  // Only where the typed name is under this closing: a name found elsewhere (under a signature line
  // on another page) has no lines "between".
  const signerAt = block && signerLine ? block.lines.indexOf(signerLine) : -1;
  if (block && signerLine && signerAt >= 0 && closingSource === 'ocr' && !block.closing.inlineName) {
    // A line to sign on ("______", which OCR pages now give for the drawn line) is no mark of a signature.
    const between = block.lines.slice(0, signerAt).filter((l) => !/^[\s_.\-–—]*$/u.test(l.text));
    const marked = between.find((l) => {
      const at = signer ? l.text.toLowerCase().indexOf(signer.toLowerCase()) : -1;
      return at >= 1 && at <= 6;
    });
    if (marked) {
      trace.push(`scanned page: "${marked.text}" reads as an e-signature of ${signer}`);
      evidence.push({ page: marked.page, quote: marked.text });
      return present<'signature'>({ kind: 'electronic', signer }, evidence, 0.6, trace);
    }
    // The name set twice, once in a script face over the typed one, is a typed signature: OCR reads both as the name.
    const nameAgain = signer !== null && between.every((l) => cleanPersonName(l.text) !== null && sameOrPartOf(cleanPersonName(l.text)!, signer));
    if (between.length > 0 && !nameAgain) {
      trace.push(`scanned page: a mark between the closing and the typed name ("${between[0].text.slice(0, 30)}") is taken as a drawn signature`);
      if (signer) trace.push(`signer "${signer}"`);
      return present<'signature'>({ kind: 'image', signer }, evidence, 0.6, trace);
    }
  }

  // The closing may end one page and the signed name open the next: either page can carry the image.
  const signaturePages = [...new Set([closingPage, signerLine?.page ?? closingPage])];
  const view = layoutOf(letter);
  const placed = block ? signaturePicture(view, block.closing.line, signerLine) : null;
  if (placed) {
    trace.push(`a picture on page ${placed.page} sits ${placed.why}: taken as a drawn or scanned signature`);
    if (signer) trace.push(`signer "${signer}"`);
    evidence.push({ page: placed.page, quote: '', span: { page: placed.page, start: placed.at, end: placed.at }, box: placed.box });
    return present<'signature'>({ kind: 'image', signer }, evidence, 0.85, trace);
  }
  // Where the reader placed the page's pictures, the ones elsewhere (a logo in the header) are no signature;
  // where it only counted them, a picture on the closing's page probably is one.
  // A scanned page is one picture: its image count says nothing about a signature.
  const page = signaturePages
    .map((n) => letter.pages.find((p) => p.number === n))
    .find((p) => p && p.source !== 'ocr' && p.imageCount > 0 && !p.blocks.some((b) => b.kind === 'picture'));
  // A lone picture on the first page under a sign-off with nobody named is most likely the logo.
  const loneLogo = page && !signer && page.imageCount === 1 && page.number === (letter.pages[0]?.number ?? 1);
  if (loneLogo) trace.push(`the one picture on page ${page.number} is taken for the logo: nobody is named under the closing`);
  if (page && !loneLogo) {
    trace.push(`page ${page.number}, with the ${page.number === closingPage ? 'closing' : 'signed name'}, carries ${page.imageCount} image(s): taken as a drawn or scanned signature`);
    if (signer) trace.push(`signer "${signer}"`);
    // A lone image on a first page may be the logo; a second image or a later page is more telling.
    const confidence = page.number !== (letter.pages[0]?.number ?? 1) || page.imageCount >= 2 ? 0.8 : 0.6;
    if (confidence < 0.8) trace.push('a single image on the first page may also be a logo');
    return present<'signature'>({ kind: 'image', signer }, evidence, confidence, trace);
  }

  if (signer) {
    trace.push(`closing "${block?.closing.line.text}" followed by the typed name "${signer}"; no image or e-signature mark`);
    return present<'signature'>({ kind: 'typed', signer }, evidence, 0.85, trace);
  }
  // A closing with a single-word sign-off ("Best, Dana"): typed, but the signer is not a full name.
  // A word OCR hardly believed ("AER", read off a photo's shadow under the closing) is no one's name.
  const single = block?.lines
    .filter((l) => l.confidence === null || l.confidence >= SURE_READING)
    .map((l) => cleanPersonName(l.text))
    .find((n) => n && !isCompanyOfLetter(letter, n));
  if (single) {
    trace.push(`closing followed by "${single}" only`);
    return present<'signature'>({ kind: 'typed', signer: single }, evidence, 0.6, trace);
  }
  // "Authorized Signatory", "The Acme Recruiting Team": nobody signed, by hand, electronically or by name.
  trace.push(`closing "${block?.closing.line.text}" with no signer name, drawn signature or e-signature under it`);
  return missing<'signature'>(FIX, trace);
}

// Words around a signature line that make it the student's (or a witness's) line, not the employer's.
const ACCEPTANCE_CUE = /\b(?:accept(?:ed|ance)?|acknowledg\w*|agreed?|candidate|applicant|employee|intern|student|trainee|date|witness)\b/iu;

/**
 * A line of underscores followed by a person's name: the employer's signature line, unless the
 * words just above it or the title under the name make it the student's acceptance line.
 */
function signatureLineSigner(letter: Letter, lines: readonly LetterLine[]): { name: string; line: LetterLine } | null {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^_{6,}\s*$/.test(lines[i].text.trim())) continue;
    const nameLine = lines[i + 1];
    const name = signerOfLine(nameLine.text);
    if (!name || nameLine.page !== lines[i].page) continue;
    const above = lines[i - 1];
    const title = lines[i + 2];
    const cued = (line: LetterLine | undefined) => line !== undefined && line.text.length <= 60 && ACCEPTANCE_CUE.test(line.text);
    // "Please sign and return a copy as a token of your acceptance." over the line: the student signs it.
    const asksToSign = above !== undefined && /\bsign/iu.test(above.text) && /\baccept/iu.test(above.text);
    if (cued(above) || cued(title) || asksToSign || ACCEPTANCE_CUE.test(nameLine.text)) continue;
    // The addressee's own name under a line is the student's signature line.
    const student = extractStudentName(letter).value;
    if (student && sameOrPartOf(name, student)) continue;
    return { name, line: nameLine };
  }
  return null;
}

/**
 * Whether a name the letter signs off with is the company's: the letter invites the student to join
 * it or work at it, or the sender's email domain spells it. "Best regards, Copperline Health".
 */
function isCompanyOfLetter(letter: Letter, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only words that name an employer: "report to <Name>" names a person.
  const cued = new RegExp(
    `\\b(?:join(?:ing)?|welcome\\s+(?:you\\s+)?to|behalf\\s+of|(?:work(?:ing)?|intern(?:ship)?|co-?op|position|role|employment|career|here|team|everyone)\\s+(?:at|with|for))\\s+(?:the\\s+)?${escaped}\\b`,
    'iu',
  );
  if (letterSentences(letter).some((s) => cued.test(s.text))) return true;
  // The company's fuller name anywhere in the letter: "Thistledown Learning" for "Thistledown Learning Co.".
  const simple = name.toLowerCase();
  if (letter.pages.some((p) => findOrgNames(p.text).some((o) => o.name.toLowerCase().startsWith(simple) && o.name.length > name.length))) return true;
  const from = letter.email?.from?.address;
  const domain = from && !isFreeMail(from) ? domainOf(from) : null;
  return domain !== null && orgMatchesDomain(name, domain);
}

/**
 * A picture the reader placed where a signature goes: after the complimentary close in reading order
 * (and before the typed name's block ends), or, where the page has geometry, between the closing line
 * and a little below the signer's line. A logo in the page header is neither.
 */
function signaturePicture(view: LayoutView, closing: LetterLine, signerLine: LetterLine | null): { page: number; at: number; box: Box | null; why: string } | null {
  for (const pageNumber of new Set([closing.page, signerLine?.page ?? closing.page])) {
    for (const picture of view.pictures({ page: pageNumber })) {
      if (picture.region === 'header' || picture.region === 'footer') continue;
      const at = picture.span.start;
      const afterClosing = pageNumber !== closing.page || at >= closing.span.end;
      const beforeEnd = !signerLine || pageNumber !== signerLine.page || at <= signerLine.span.end + 1;
      if (afterClosing && beforeEnd && !(picture.box && closing.box)) return { page: pageNumber, at, box: picture.box, why: 'between the closing and the signed name' };
      if (picture.box && closing.box && pageNumber === closing.page) {
        const top = closing.box.y - 0.02;
        const bottom = (signerLine?.page === closing.page && signerLine.box ? signerLine.box.y + signerLine.box.height : closing.box.y + closing.box.height) + 0.12;
        const middle = picture.box.y + picture.box.height / 2;
        if (middle >= top && middle <= bottom) return { page: pageNumber, at, box: picture.box, why: 'over the closing and the signed name' };
      }
    }
  }
  return null;
}
