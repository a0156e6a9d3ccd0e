import type { DocumentPart, LetterPage } from '../../document/letterDocument.js';
import { DocumentUnreadableError } from '../../report/errors.js';
import { PageBuilder } from '../layout/pageBuilder.js';
import { readWordBlocks, type WordContext } from './readWordBlocks.js';
import { countPictures, writeWordBlocks, type WordBlock } from './wordBlocks.js';
import { readWordNumbering } from './wordNumbering.js';
import { readWordStyles } from './wordStyles.js';
import { childElement, childElements, onOff, parseWordXml, type Element } from './wordXml.js';

const MAIN_PART = 'word/document.xml';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

interface Relationship {
  type: string;
  target: string;
}

/**
 * A Word document as one page of the structured document, read from its own XML (the parts
 * inflateZipEntries already inflated and checked): the page header parts the sections show, the
 * body in document order, footnotes and endnotes, then the footer parts. Word has no page geometry
 * before it lays the text out, so boxes and the page size are null; bold and font size are what the
 * XML and its styles say.
 *
 * Headers: each section's w:headerReference, the first-page one first when the section sets
 * w:titlePg (Word shows it only then), the even-page one only when settings.xml sets
 * w:evenAndOddHeaders; a part that repeats an earlier one is read once. Footers alike.
 * `imageCount` counts the body's pictures: a logo in the page header is not a signature.
 */
export function readDocxPage(parts: Map<string, Uint8Array>, page: { number: number; part: DocumentPart }): LetterPage {
  const documentXml = parts.get(MAIN_PART);
  const root = documentXml ? parseWordXml(documentXml) : null;
  const body = root?.name === 'w:document' ? childElement(root, 'w:body') : null;
  if (!body) throw new DocumentUnreadableError('The Word document has no body (word/document.xml).');

  const relationships = readRelationships(parts, MAIN_PART);
  const partOf = (type: string) => [...relationships.values()].find((r) => r.type === RELATIONSHIP + type)?.target ?? null;
  const parse = (name: string | null) => {
    const bytes = name ? parts.get(name) : undefined;
    return bytes ? parseWordXml(bytes) : null;
  };
  const context: WordContext = { styles: readWordStyles(parse(partOf('styles'))), numbering: readWordNumbering(parse(partOf('numbering'))) };

  // The body first, so that its lists are numbered from their start.
  const bodyBlocks = readWordBlocks(body, context);
  const notes = [...readNotes(parse(partOf('footnotes')), 'w:footnote', context), ...readNotes(parse(partOf('endnotes')), 'w:endnote', context)];
  const evenAndOdd = onOff(parse(partOf('settings')), 'w:evenAndOddHeaders') === true;
  const sections = sectionsOf(body);
  const furniture = (kind: 'header' | 'footer'): WordBlock[][] => {
    const seen = new Set<string>();
    const out: WordBlock[][] = [];
    for (const name of furnitureParts(sections, kind, relationships, evenAndOdd)) {
      const part = parse(name);
      if (!part) continue;
      const blocks = readWordBlocks(part, context);
      const signature = JSON.stringify(blocks);
      if (blocks.length === 0 || seen.has(signature)) continue;
      seen.add(signature);
      out.push(blocks);
    }
    return out;
  };

  const builder = new PageBuilder({ number: page.number, part: page.part, imageCount: countPictures(bodyBlocks) });
  for (const header of furniture('header')) writeWordBlocks(builder, 'header', header);
  writeWordBlocks(builder, 'body', bodyBlocks);
  writeWordBlocks(builder, 'body', notes);
  for (const footer of furniture('footer')) writeWordBlocks(builder, 'footer', footer);
  return builder.build();
}

/** A part's relationships by id, targets resolved to part names; links to outside the file are left out. */
function readRelationships(parts: Map<string, Uint8Array>, partName: string): Map<string, Relationship> {
  const slash = partName.lastIndexOf('/');
  const folder = partName.slice(0, slash + 1);
  const relsName = `${folder}_rels/${partName.slice(slash + 1)}.rels`;
  const bytes = parts.get(relsName);
  const root = bytes ? parseWordXml(bytes) : null;
  const out = new Map<string, Relationship>();
  if (!root) return out;
  for (const rel of childElements(root)) {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = rel.attribs;
    if (!id || !type || !target || mode?.toLowerCase() === 'external') continue;
    out.set(id, { type, target: resolvePartName(folder, target) });
  }
  return out;
}

/** "header1.xml" from word/ is word/header1.xml; "/word/header1.xml" is absolute; ".." climbs. */
function resolvePartName(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** Section properties in document order: those closing a section inside the body, then the body's last. */
function sectionsOf(body: Element): Element[] {
  const out: Element[] = [];
  for (const child of childElements(body)) {
    if (child.name === 'w:p') {
      const inner = childElement(childElement(child, 'w:pPr'), 'w:sectPr');
      if (inner) out.push(inner);
    } else if (child.name === 'w:sectPr') out.push(child);
  }
  return out;
}

function furnitureParts(sections: Element[], kind: 'header' | 'footer', relationships: Map<string, Relationship>, evenAndOdd: boolean): string[] {
  const names: string[] = [];
  for (const section of sections) {
    const byType = new Map<string, string>();
    for (const ref of childElements(section, `w:${kind}Reference`)) {
      const rel = relationships.get(ref.attribs['r:id'] ?? '');
      if (rel && rel.type === RELATIONSHIP + kind) byType.set(ref.attribs['w:type'] ?? 'default', rel.target);
    }
    const shown = [onOff(section, 'w:titlePg') ? 'first' : null, 'default', evenAndOdd ? 'even' : null];
    for (const type of shown) {
      const name = type ? byType.get(type) : undefined;
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** Footnotes or endnotes with text; the separator notes Word keeps in the same part are not. */
function readNotes(root: Element | null, name: string, context: WordContext): WordBlock[] {
  if (!root) return [];
  return childElements(root, name)
    .filter((note) => (note.attribs['w:type'] ?? 'normal') === 'normal')
    .flatMap((note) => readWordBlocks(note, context));
}
