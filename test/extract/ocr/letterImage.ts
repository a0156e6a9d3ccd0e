import sharp from 'sharp';

/** Lines of an invented offer letter, for OCR tests that need a page to read. */
export const LETTER_LINES = [
  'Brightwater Analytics Inc.',
  '418 Larkspur Avenue, Denver, CO 80205',
  '',
  'March 3, 2025',
  '',
  'Dear Priya Ramaswamy,',
  '',
  'We are pleased to offer you a summer internship as a',
  'Data Engineering Intern. You will build data pipelines',
  'and write tests for our reporting tools.',
  '',
  'The internship runs from June 2, 2025 to August 22, 2025,',
  'for 40 hours per week at our Denver office.',
  'You will be paid $24.50 per hour.',
  '',
  'Sincerely,',
  'Marcus Whitfield, Engineering Manager',
];

export interface LetterImageOptions {
  dpi?: number;
  lines?: string[];
  fontSize?: number;
  /** Page size in inches; a letter by default. */
  widthInches?: number;
  heightInches?: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An SVG page of text, black on white, at the given resolution. */
export function letterSvg({ dpi = 300, lines = LETTER_LINES, fontSize = 12, widthInches = 8.5, heightInches = 11 }: LetterImageOptions = {}): string {
  const width = Math.round(widthInches * dpi);
  const height = Math.round(heightInches * dpi);
  const px = (fontSize / 72) * dpi;
  const left = dpi; // one-inch margins
  const rows = lines
    .map((line, i) => `<text x="${left}" y="${Math.round(dpi + (i + 1) * px * 1.5)}">${escapeXml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><g font-family="Liberation Serif, DejaVu Serif, serif" font-size="${px.toFixed(1)}" fill="#000">${rows}</g></svg>`;
}

/** The page as PNG (or another format sharp writes). */
export async function letterImage(options: LetterImageOptions & { format?: 'png' | 'jpeg' | 'tiff' | 'webp' } = {}): Promise<Buffer> {
  const image = sharp(Buffer.from(letterSvg(options)), { density: 72 }).flatten({ background: '#fff' });
  switch (options.format ?? 'png') {
    case 'jpeg':
      return image.jpeg({ quality: 85 }).toBuffer();
    case 'tiff':
      return image.tiff({ compression: 'lzw' }).toBuffer();
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer();
    default:
      return image.png().toBuffer();
  }
}
