import sharp from 'sharp';

/** What the warm-up line says: an engine that cannot read it back is not working. */
export const WARM_UP_TEXT = 'Offer of internship: 40 hours per week';

let warmUp: Promise<Buffer> | null = null;

/** A line of print, as a prepared page would be (grayscale PNG), read once by each engine at start-up. */
export function warmUpImage(): Promise<Buffer> {
  warmUp ??= sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="160"><rect width="100%" height="100%" fill="#fff"/>' +
        `<text x="30" y="95" font-family="serif" font-size="42">${WARM_UP_TEXT}</text></svg>`,
    ),
  )
    .flatten({ background: '#fff' })
    .toColourspace('b-w')
    .png()
    .toBuffer();
  return warmUp;
}
