import type { ExtractionNotice } from '../document/letterDocument.js';
import { UnsupportedMediaTypeError } from '../report/errors.js';

const MACRO_CONTENT_TYPE = /application\/vnd\.ms-word\.(?:document|template)\.macroEnabled/i;
// Relationship types that make Word fetch or embed something from outside the file. Hyperlinks are
// external too but only open on a click; they are ordinary in letters and not reported.
const FETCHING_RELATIONSHIPS = /relationships\/(?:attachedTemplate|oleObject|subDocument|frame|image|audio|video|package|externalLinkPath)"?$/;

/**
 * What an inflated Word document carries besides its text, found in the parts themselves rather
 * than in its name: macros (a .docm renamed .docx still has its vbaProject), external references
 * in any part's relationships (template injection sits in settings.xml.rels, not document.xml.rels),
 * and DDE fields, which run programs. None of it is ever executed or fetched here: each is a warning.
 */
export function inspectDocxParts(parts: Map<string, Buffer>): ExtractionNotice[] {
  const names = [...parts.keys()];
  const contentTypes = parts.get('[Content_Types].xml')?.toString('utf8') ?? '';
  if (!parts.has('word/document.xml')) {
    if (/spreadsheetml|presentationml/i.test(contentTypes)) throw new UnsupportedMediaTypeError('This is an Excel or PowerPoint file. Send the offer letter as PDF or Word.');
    throw new UnsupportedMediaTypeError('This zip file is not a Word document. Send the offer letter itself as PDF or Word.');
  }
  const notices: ExtractionNotice[] = [];
  const hasMacros =
    MACRO_CONTENT_TYPE.test(contentTypes) ||
    names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /(^|\/)vbaData\.xml$/i.test(n) || /^word\/activeX\//i.test(n));
  if (hasMacros) notices.push({ code: 'DOCUMENT_HAS_MACROS', message: 'The Word document contains macros or ActiveX controls. They were not run.' });

  const external = names.filter((n) => n.endsWith('.rels')).some((n) => hasFetchingExternalTarget(parts.get(n)!.toString('utf8')));
  const dde = [...parts.entries()].some(([n, xml]) => /^word\/[^/]+\.xml$/.test(n) && hasDdeField(xml.toString('utf8')));
  if (external || dde) {
    notices.push({
      code: 'DOCUMENT_EXTERNAL_REFERENCES',
      message: dde
        ? 'The Word document contains a field that would start another program (DDE). It was not run.'
        : 'The Word document refers to outside files (a template, an embedded object or an image on the web). They were not fetched.',
    });
  }
  return notices;
}

function hasFetchingExternalTarget(rels: string): boolean {
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (!/TargetMode\s*=\s*"External"/i.test(tag)) continue;
    const type = /Type\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '';
    if (FETCHING_RELATIONSHIPS.test(type)) return true;
  }
  return false;
}

function hasDdeField(xml: string): boolean {
  if (!xml.includes('instrText') && !xml.includes('fldSimple')) return false;
  // Field instructions may be split across runs: join the instruction texts first.
  const instructions = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]).join('');
  const simple = [...xml.matchAll(/<w:fldSimple\b[^>]*w:instr="([^"]*)"/g)].map((m) => m[1]).join(' ');
  return /\bDDE(?:AUTO)?\b/i.test(`${instructions} ${simple}`);
}
