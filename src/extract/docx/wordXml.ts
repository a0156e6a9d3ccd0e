import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { DocumentUnreadableError } from '../../report/errors.js';

export type { Element } from 'domhandler';

/**
 * The prefixes this reader's code uses, by namespace. Word writes `w:`, `wp:`, `a:` ... but the
 * prefixes are the file's choice: other writers (and Strict OOXML, with its own namespace names)
 * may use others, so each element and attribute is renamed to the prefix its namespace has here.
 */
const PREFIX_BY_NAMESPACE: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

/**
 * One XML part of a Word document as a tree. htmlparser2 in XML mode: it decodes the five XML
 * entities and character references and nothing else (no DTD, so no entity expansion and no
 * external entities), never throws on malformed input, and is the parser the email reader uses
 * for HTML bodies. The part's size was capped before inflating (maxXmlPartBytes, checkZipArchive).
 * Returns the root element, or null when the part holds none.
 */
export function parseWordXml(bytes: Uint8Array): Element | null {
  const doc = parseDocument(decodeXmlBytes(bytes), { xmlMode: true });
  const root = doc.children.find(isElement) ?? null;
  if (root) canonicalize(root, new Map(), 0);
  return root;
}

/** XML parts are UTF-8 unless they open with a UTF-16 byte order mark. */
function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

// Word nests a few dozen elements deep (a table in a text box in a table cell); this many is a
// file built to exhaust the stack of the readers that walk the tree.
const MAX_DEPTH = 256;

/** Renames elements and attributes to this reader's prefixes (see PREFIX_BY_NAMESPACE), in place. */
function canonicalize(element: Element, inherited: Map<string, string>, depth: number): void {
  if (depth > MAX_DEPTH) throw new DocumentUnreadableError('The Word document nests its content too deeply to be a letter.');
  let scope = inherited;
  for (const [name, value] of Object.entries(element.attribs)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    if (scope === inherited) scope = new Map(inherited);
    scope.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  element.name = rename(element.name, scope, true);
  if (Object.keys(element.attribs).some((name) => rename(name, scope, false) !== name)) {
    element.attribs = Object.fromEntries(Object.entries(element.attribs).map(([name, value]) => [rename(name, scope, false), value]));
  }
  for (const child of element.children) if (isElement(child)) canonicalize(child, scope, depth + 1);
}

function rename(name: string, scope: Map<string, string>, isElementName: boolean): string {
  const colon = name.indexOf(':');
  if (colon < 0) {
    // Unprefixed attributes have no namespace; unprefixed elements are in the default one.
    if (!isElementName) return name;
    const prefix = PREFIX_BY_NAMESPACE[scope.get('') ?? ''];
    return prefix ? `${prefix}:${name}` : name;
  }
  const prefix = name.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml') return name;
  const namespace = scope.get(prefix);
  const canonical = namespace === undefined ? undefined : PREFIX_BY_NAMESPACE[namespace];
  return canonical && canonical !== prefix ? `${canonical}${name.slice(colon)}` : name;
}

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

/** The element's child elements, optionally only those with one name. */
export function childElements(element: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (const child of element.children) if (isElement(child) && (name === undefined || child.name === name)) out.push(child);
  return out;
}

export function childElement(element: Element | null | undefined, name: string): Element | null {
  if (!element) return null;
  for (const child of element.children) if (isElement(child) && child.name === name) return child;
  return null;
}

/** A child's `w:val` (or another attribute): `<w:pStyle w:val="Heading1"/>`. */
export function childValue(element: Element | null | undefined, name: string, attribute = 'w:val'): string | null {
  return childElement(element, name)?.attribs[attribute] ?? null;
}

/**
 * An on/off property (`<w:b/>`, `<w:b w:val="false"/>`, `<w:tblHeader w:val="0"/>`): absent is
 * null (the style decides), present without a value is on.
 */
export function onOff(element: Element | null | undefined, name: string): boolean | null {
  const property = childElement(element, name);
  if (!property) return null;
  const value = property.attribs['w:val'];
  return value === undefined || !['false', '0', 'off', 'none'].includes(value.toLowerCase());
}

/** An integer attribute, or null when absent or not a number. */
export function intValue(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}
