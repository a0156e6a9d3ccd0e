import type { Letter } from './letter.js';
import { letterLines } from './shared/letterLines.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { signatureBlock, signerOfLine, withExactQuotes } from './shared/sections.js';
import { cleanPersonName } from './shared/names.js';

const FIX = 'Please have the letter signed by the employer (a signature over the signer\'s name and title).';

// Marks of an electronic signature, anywhere in the letter.
const ESIGN_SERVICE = /\b(?:docusign\s+envelope\s+id|docusign|adobe\s+(?:acrobat\s+)?sign|echosign|hellosign|dropbox\s+sign|pandadoc|signnow|signed\s+via|signed\s+with)\b/iu;
const ESIGN_LINE =
  /^(?:\/s\/\s*\S|(?:electronically|digitally)\s+signed\b|e-?signed\b|signed\s+electronically\b)|\((?:e-?signature|electronic(?:ally)?\s+signed|signed\s+electronically|digital\s+signature)\)/iu;

export function extractSignature(letter: Letter): FoundElement<'signature'> {
  return withExactQuotes(letter, findSignature(letter));
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
  if (!signer && block) {
    // "The Acme Recruiting Team": a typed sign-off without a person.
    const team = block.lines.find((l) => /\bteam\b|\bdepartment\b|\bhuman\s+resources\b|\brecruiting\b/i.test(l.text) && l.text.length < 60);
    if (team) trace.push(`signed off by "${team.text}", no person named`);
  }

  if (!block && esignLines.length === 0 && !service) {
    trace.push('no closing ("Sincerely," "Best regards,") and no signature line');
    return missing<'signature'>(FIX, trace);
  }
  if (!block && !signer && !service) {
    trace.push('no closing and no signer name');
    return missing<'signature'>(FIX, trace);
  }

  const closingPage = block?.closing.line.page ?? signerLine?.page ?? letter.pages[0]?.number ?? 1;
  const evidenceLines = [block?.closing.line, signerLine].filter((l): l is NonNullable<typeof l> => Boolean(l));
  const evidence = [...new Map(evidenceLines.map((l) => [`${l.page}:${l.text}`, { page: l.page, quote: l.text }])).values()];

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
  if (block && signerLine && closingSource === 'ocr' && !block.closing.inlineName) {
    const between = block.lines.slice(0, block.lines.indexOf(signerLine));
    const marked = between.find((l) => {
      const at = signer ? l.text.toLowerCase().indexOf(signer.toLowerCase()) : -1;
      return at >= 1 && at <= 6;
    });
    if (marked) {
      trace.push(`scanned page: "${marked.text}" reads as an e-signature of ${signer}`);
      evidence.push({ page: marked.page, quote: marked.text });
      return present<'signature'>({ kind: 'electronic', signer }, evidence, 0.6, trace);
    }
    if (between.length > 0) {
      trace.push(`scanned page: a mark between the closing and the typed name ("${between[0].text.slice(0, 30)}") is taken as a drawn signature`);
      if (signer) trace.push(`signer "${signer}"`);
      return present<'signature'>({ kind: 'image', signer }, evidence, 0.6, trace);
    }
  }

  // The closing may end one page and the signed name open the next: either page can carry the image.
  const signaturePages = [...new Set([closingPage, signerLine?.page ?? closingPage])];
  // A scanned page is one picture: its image count says nothing about a signature.
  const page = signaturePages.map((n) => letter.pages.find((p) => p.number === n)).find((p) => p && p.source !== 'ocr' && p.imageCount > 0);
  if (page) {
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
  const single = block?.lines.map((l) => cleanPersonName(l.text)).find((n) => n);
  if (single) {
    trace.push(`closing followed by "${single}" only`);
    return present<'signature'>({ kind: 'typed', signer: single }, evidence, 0.6, trace);
  }
  trace.push(`closing "${block?.closing.line.text}" with no signer name under it`);
  return present<'signature'>({ kind: 'typed', signer: null }, evidence, 0.5, trace);
}
