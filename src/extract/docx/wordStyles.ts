import { childElement, childElements, childValue, intValue, onOff, type Element } from './wordXml.js';

/** What a run's formatting says about emphasis; null where nothing in the document says. */
export interface RunFormat {
  bold: boolean | null;
  /** Points. */
  fontSize: number | null;
}

export interface ParagraphStyle extends RunFormat {
  /** A list the style itself numbers (Word's "List Bullet", "List Number"). */
  numbering: { numId: string; level: number } | null;
  /** Heading 1-9, Title, Subtitle. */
  heading: boolean;
}

export interface WordStyles {
  /** The paragraph style, resolved through its basedOn chain; null or unknown: the default paragraph style. */
  paragraph(styleId: string | null): ParagraphStyle;
  /** A character style (w:rStyle), resolved through its basedOn chain. */
  character(styleId: string | null): RunFormat;
}

interface RawStyle {
  type: string;
  basedOn: string | null;
  name: string;
  format: RunFormat;
  numbering: { numId: string | null; level: number | null } | null;
}

// basedOn chains are short; a longer one loops.
const MAX_STYLE_DEPTH = 20;
const HEADING = /^(?:heading ?\d|title|subtitle)$/i;

/** w:rPr's bold and size: `<w:b/>`, `<w:sz w:val="24"/>` (half-points). */
export function runFormatOf(rPr: Element | null): RunFormat {
  const halfPoints = intValue(childValue(rPr, 'w:sz'));
  return { bold: onOff(rPr, 'w:b'), fontSize: halfPoints !== null && halfPoints > 0 ? halfPoints / 2 : null };
}

/**
 * styles.xml: document defaults (w:docDefaults), paragraph and character styles with their
 * basedOn chains. Table styles' conditional formatting is not applied: a header row is found from
 * w:tblHeader or its own bold text instead.
 */
export function readWordStyles(root: Element | null): WordStyles {
  const raw = new Map<string, RawStyle>();
  let defaultParagraph: string | null = null;
  let defaults: RunFormat = { bold: null, fontSize: null };
  if (root) {
    defaults = runFormatOf(childElement(childElement(childElement(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'));
    for (const style of childElements(root, 'w:style')) {
      const id = style.attribs['w:styleId'];
      if (!id) continue;
      const type = style.attribs['w:type'] ?? 'paragraph';
      const numPr = childElement(childElement(style, 'w:pPr'), 'w:numPr');
      raw.set(`${type}:${id}`, {
        type,
        basedOn: childValue(style, 'w:basedOn'),
        name: childValue(style, 'w:name') ?? id,
        format: runFormatOf(childElement(style, 'w:rPr')),
        numbering: numPr ? { numId: childValue(numPr, 'w:numId'), level: intValue(childValue(numPr, 'w:ilvl')) } : null,
      });
      if (type === 'paragraph' && ['1', 'true', 'on'].includes(style.attribs['w:default'] ?? '')) defaultParagraph = id;
    }
  }

  /** The style's chain from itself to its root ancestor. */
  const chain = (type: string, id: string | null): RawStyle[] => {
    const out: RawStyle[] = [];
    let at = id;
    while (at !== null && out.length < MAX_STYLE_DEPTH) {
      const style = raw.get(`${type}:${at}`);
      if (!style) break;
      out.push(style);
      at = style.basedOn;
    }
    return out;
  };
  const firstOf = <T>(styles: RawStyle[], pick: (s: RawStyle) => T | null): T | null => {
    for (const s of styles) {
      const v = pick(s);
      if (v !== null) return v;
    }
    return null;
  };

  const paragraphs = new Map<string, ParagraphStyle>();
  const characters = new Map<string, RunFormat>();
  return {
    paragraph(styleId) {
      const key = styleId ?? '';
      let resolved = paragraphs.get(key);
      if (!resolved) {
        const known = styleId !== null && raw.has(`paragraph:${styleId}`);
        const styles = chain('paragraph', known ? styleId : defaultParagraph);
        // A heading style that styles.xml does not define still reads as a heading: emphasized.
        const heading = known ? styles.some((s) => HEADING.test(s.name)) : HEADING.test(styleId ?? '');
        const numbering = firstOf(styles, (s) => s.numbering);
        resolved = {
          bold: firstOf(styles, (s) => s.format.bold) ?? (heading && !known ? true : defaults.bold),
          fontSize: firstOf(styles, (s) => s.format.fontSize) ?? defaults.fontSize,
          numbering: numbering?.numId ? { numId: numbering.numId, level: numbering.level ?? 0 } : null,
          heading,
        };
        paragraphs.set(key, resolved);
      }
      return resolved;
    },
    character(styleId) {
      if (styleId === null) return { bold: null, fontSize: null };
      let resolved = characters.get(styleId);
      if (!resolved) {
        const styles = chain('character', styleId);
        resolved = { bold: firstOf(styles, (s) => s.format.bold), fontSize: firstOf(styles, (s) => s.format.fontSize) };
        characters.set(styleId, resolved);
      }
      return resolved;
    },
  };
}
