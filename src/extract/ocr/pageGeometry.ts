/**
 * How a page lies in its picture, measured on a small grayscale copy before OCR: whether the text
 * runs sideways (a quarter turn), upside down, or a few degrees off level, and how tall its text
 * lines are. Pure functions over raw pixels, so they are tested without an OCR engine.
 */

export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface PageGeometry {
  /** Clockwise turn, in degrees, that makes the text upright and level (e.g. 90.8, -1.5, 180). */
  rotation: number;
  /** Quarter turn found from the text direction: 0 or 90 (before the up/down decision). */
  quarterTurn: 0 | 90;
  /** Whether the text lines' ascenders hang below them: the page is upside down. */
  upsideDown: boolean;
  /** How sure the up/down decision is, 0..1 (0 when the page has too few text lines to tell). */
  upsideDownCertainty: number;
  /** Skew left after the quarter turn, in degrees (clockwise positive). */
  skew: number;
  /** Median height of a text line's ink, in pixels of the analysed copy; null without text lines. */
  lineHeight: number | null;
  textLines: number;
}

interface InkPoints {
  xs: Int32Array;
  ys: Int32Array;
  count: number;
  width: number;
  height: number;
}

// Skew search: scans and phone photos are rarely more than a few degrees off.
const MAX_SKEW_DEGREES = 6;
const COARSE_STEP = 0.5;
const FINE_STEP = 0.1;
const COARSE_SAMPLE = 4;
// Enough ink pixels to measure angles to a tenth of a degree; more only costs time.
const MAX_POINTS = 250_000;

export function measurePageGeometry(image: GrayImage): PageGeometry {
  const ink = findInk(image);
  if (ink.count < 200) {
    return { rotation: 0, quarterTurn: 0, upsideDown: false, upsideDownCertainty: 0, skew: 0, lineHeight: null, textLines: 0 };
  }
  const level = bestSkew(ink);
  const turned = turnQuarter(ink);
  const sideways = bestSkew(turned);
  // Text lines make the row profile peaky; a page turned sideways makes the column profile peaky
  // instead. The two are compared as peakiness over that of ink spread evenly over the same extent:
  // a raw sum of squares favours the shorter side (a portrait photo's columns) by its aspect ratio
  // alone, which turned upright photos with a little perspective a quarter turn.
  const levelProfile = rowProfile(ink, level.angle);
  const sidewaysProfile = rowProfile(turned, sideways.angle);
  const quarterTurn: 0 | 90 = sideways.score * inkExtent(sidewaysProfile) > level.score * inkExtent(levelProfile) * 1.15 ? 90 : 0;
  const skew = quarterTurn === 90 ? sideways.angle : level.angle;
  const profile = quarterTurn === 90 ? sidewaysProfile : levelProfile;
  const lines = textLineBands(profile);
  const { upsideDown, certainty } = judgeUpsideDown(profile, lines);
  const lineHeight = lines.length ? median(lines.map((l) => l.bottom - l.top + 1)) : null;
  // The points were measured with y' = y cos a - x sin a: text sloping down to the right by a
  // degrees levels out when turned a degrees anticlockwise, i.e. -a clockwise.
  const rotation = normalizeDegrees(quarterTurn + (upsideDown ? 180 : 0) - skew);
  return { rotation, quarterTurn, upsideDown, upsideDownCertainty: certainty, skew, lineHeight, textLines: lines.length };
}

/**
 * Dark pixels against their neighbourhood (an adaptive threshold), so that the shadow and uneven
 * light of a phone photo do not count as ink.
 */
function findInk(image: GrayImage): InkPoints {
  const { data, width, height } = image;
  // The sums are whole numbers: below 2^32 (the analysis copy is at most 1400 x 1400, x 255) they
  // fit 32-bit integers, the same sums in half the memory; a larger picture keeps doubles.
  const stride1 = width + 1;
  const cells = stride1 * (height + 1);
  const integral = width * height * 255 < 2 ** 32 ? new Uint32Array(cells) : new Float64Array(cells);
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    const above = y * stride1;
    const row = above + stride1;
    for (let x = 0; x < width; x++) {
      rowSum += data[y * width + x];
      integral[row + x + 1] = integral[above + x + 1] + rowSum;
    }
  }
  const r = Math.max(8, Math.round(Math.min(width, height) / 40));
  const dark = darkAreas(data, width, height, integral, r);
  let total = 0;
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const cellRow = Math.floor(y / r) * dark.columns;
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    const top = y0 * stride1;
    const bottom = y1 * stride1;
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const sum = integral[bottom + x1] - integral[top + x1] - integral[bottom + x0] + integral[top + x0];
      const mean = sum / ((y1 - y0) * (x1 - x0));
      const v = data[y * width + x];
      if (v < mean - Math.max(20, mean * 0.15) && !dark.cells[cellRow + Math.floor(x / r)]) {
        mask[y * width + x] = 1;
        total += 1;
      }
    }
  }
  const stride = Math.max(1, Math.ceil(total / MAX_POINTS));
  const xs = new Int32Array(Math.ceil(total / stride));
  const ys = new Int32Array(xs.length);
  let seen = 0;
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (seen++ % stride !== 0) continue;
    xs[count] = i % width;
    ys[count] = Math.floor(i / width);
    count += 1;
  }
  return { xs, ys, count, width, height };
}

// An area this much darker than the paper is no text on it: the table or floor around a
// photographed sheet, the photo's own border where a phone app set it on a white PDF page, a solid logo.
const DARK_AREA = 0.55;

/**
 * Cells (r x r) of the picture that are dark areas rather than paper, and the cells around them.
 * Against a dark area the adaptive threshold marks a band of "ink" along every edge it has with
 * light: the straight edge of a photo set on a white page is a long horizontal band that would
 * outweigh the text lines and level the page at 0 degrees, and make its lines look tall.
 */
function darkAreas(data: Uint8Array, width: number, height: number, integral: Uint32Array | Float64Array, r: number): { cells: Uint8Array; columns: number } {
  const columns = Math.ceil(width / r);
  const rows = Math.ceil(height / r);
  const stride1 = width + 1;
  const means = new Float64Array(columns * rows);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < columns; cx++) {
      const x0 = cx * r;
      const y0 = cy * r;
      const x1 = Math.min(width, x0 + r);
      const y1 = Math.min(height, y0 + r);
      const sum = integral[y1 * stride1 + x1] - integral[y0 * stride1 + x1] - integral[y1 * stride1 + x0] + integral[y0 * stride1 + x0];
      means[cy * columns + cx] = sum / ((x1 - x0) * (y1 - y0));
    }
  }
  // The paper's level: the brightest cells (a page is mostly paper; a photo at least a third of it).
  const sorted = Array.from(means).sort((a, b) => a - b);
  const paper = sorted[Math.floor(sorted.length * 0.9)];
  const cells = new Uint8Array(columns * rows);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < columns; cx++) {
      if (means[cy * columns + cx] >= DARK_AREA * paper) continue;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const ny = cy + dy;
          const nx = cx + dx;
          if (ny >= 0 && ny < rows && nx >= 0 && nx < columns) cells[ny * columns + nx] = 1;
        }
      }
    }
  }
  return { cells, columns };
}

/** The same ink seen after turning the picture a quarter clockwise. */
function turnQuarter(ink: InkPoints): InkPoints {
  const xs = new Int32Array(ink.count);
  const ys = new Int32Array(ink.count);
  for (let i = 0; i < ink.count; i++) {
    xs[i] = ink.height - 1 - ink.ys[i];
    ys[i] = ink.xs[i];
  }
  return { xs, ys, count: ink.count, width: ink.height, height: ink.width };
}

/**
 * Row profile of the ink along lines sloping by `degrees`. Level text lines give tall narrow
 * peaks with empty rows between them; the sum of squares measures that peakiness.
 */
function rowProfile(ink: InkPoints, degrees: number): Float64Array {
  const a = (degrees * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  const margin = Math.ceil(Math.abs(sin) * ink.width) + 1;
  const bins = new Float64Array(ink.height + 2 * margin);
  for (let i = 0; i < ink.count; i++) {
    const row = Math.round(ink.ys[i] * cos - ink.xs[i] * sin) + margin;
    if (row >= 0 && row < bins.length) bins[row] += 1;
  }
  return bins;
}

/** How many rows of a profile lie between the first and the last ink. */
function inkExtent(profile: Float64Array): number {
  const { first, last } = inkRows(profile);
  return Math.max(1, last - first + 1);
}

/** The first and the last row of a profile that hold ink. */
function inkRows(profile: Float64Array): { first: number; last: number } {
  let first = 0;
  while (first < profile.length && profile[first] === 0) first++;
  let last = profile.length - 1;
  while (last > first && profile[last] === 0) last--;
  return { first, last };
}

function peakiness(profile: Float64Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < profile.length; i++) sum += profile[i] * profile[i];
  return sum / (count * count);
}

function bestSkew(ink: InkPoints): { angle: number; score: number } {
  const scoreAt = (points: InkPoints, deg: number) => peakiness(rowProfile(points, deg), points.count);
  // The coarse pass only points to the neighbourhood of the best angle, for which a quarter of the
  // ink is plenty; the angle and its score come from every point. (On every OCR fixture this finds
  // the same angles as a coarse pass over all the ink, in half the time.)
  const sample = everyNth(ink, COARSE_SAMPLE);
  let coarse = { angle: 0, score: scoreAt(sample, 0) };
  for (let deg = -MAX_SKEW_DEGREES; deg <= MAX_SKEW_DEGREES + 1e-9; deg += COARSE_STEP) {
    const score = scoreAt(sample, deg);
    if (score > coarse.score) coarse = { angle: deg, score };
  }
  let best = { angle: 0, score: scoreAt(ink, 0) };
  const centre = coarse.angle;
  if (centre !== 0) {
    const score = scoreAt(ink, centre);
    if (score > best.score) best = { angle: centre, score };
  }
  for (let deg = centre - COARSE_STEP; deg <= centre + COARSE_STEP + 1e-9; deg += FINE_STEP) {
    const score = scoreAt(ink, deg);
    if (score > best.score) best = { angle: Math.round(deg * 10) / 10, score };
  }
  return best;
}

/** Every nth ink point. */
function everyNth(ink: InkPoints, n: number): InkPoints {
  const count = Math.ceil(ink.count / n);
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  for (let i = 0, j = 0; i < ink.count; i += n, j++) {
    xs[j] = ink.xs[i];
    ys[j] = ink.ys[i];
  }
  return { xs, ys, count, width: ink.width, height: ink.height };
}

interface Band {
  top: number;
  bottom: number;
}

/**
 * Runs of rows holding ink: one per text line (a letterhead's large type gives a taller one).
 * Ink that runs down the whole page (the edges of a photographed sheet, a photo set on a white PDF
 * page, a margin rule) adds about the same to every row, the gaps between lines included: rows
 * count as inked above that baseline, the profile's low rows over the ink's extent, not above zero.
 */
function textLineBands(profile: Float64Array): Band[] {
  let peak = 0;
  for (const v of profile) peak = Math.max(peak, v);
  const base = baseline(profile);
  const floor = base + (peak - base) * 0.04;
  const bands: Band[] = [];
  let top = -1;
  for (let i = 0; i <= profile.length; i++) {
    const inked = i < profile.length && profile[i] > floor;
    if (inked && top < 0) top = i;
    if (!inked && top >= 0) {
      if (i - top >= 3) bands.push({ top, bottom: i - 1 });
      top = -1;
    }
  }
  return bands;
}

/** The profile's level in its emptiest rows: the 20th percentile of the rows between the first ink and the last. */
function baseline(profile: Float64Array): number {
  const { first, last } = inkRows(profile);
  if (last <= first) return 0;
  const rows = Array.from(profile.subarray(first, last + 1)).sort((a, b) => a - b);
  return rows[Math.floor(rows.length * 0.2)];
}

/**
 * Latin text has many more ascenders and capitals (b d f h k l t, A-Z) than descenders
 * (g j p q y): in an upright line more ink sits above the x-height core than below it.
 */
function judgeUpsideDown(profile: Float64Array, bands: Band[]): { upsideDown: boolean; certainty: number } {
  let above = 0;
  let below = 0;
  let votesUp = 0;
  let votesDown = 0;
  for (const band of bands) {
    let peak = 0;
    for (let i = band.top; i <= band.bottom; i++) peak = Math.max(peak, profile[i]);
    // The x-height core: the rows where a line's ink is dense.
    let coreTop = band.bottom;
    let coreBottom = band.top;
    for (let i = band.top; i <= band.bottom; i++) {
      if (profile[i] >= peak * 0.5) {
        coreTop = Math.min(coreTop, i);
        coreBottom = Math.max(coreBottom, i);
      }
    }
    let a = 0;
    let b = 0;
    for (let i = band.top; i < coreTop; i++) a += profile[i];
    for (let i = coreBottom + 1; i <= band.bottom; i++) b += profile[i];
    above += a;
    below += b;
    if (a > b * 1.2) votesUp += 1;
    else if (b > a * 1.2) votesDown += 1;
  }
  const votes = votesUp + votesDown;
  if (votes < 3 || above + below === 0) return { upsideDown: false, certainty: 0 };
  const upsideDown = below > above && votesDown > votesUp;
  const agreement = Math.abs(votesUp - votesDown) / votes;
  const inkRatio = Math.abs(above - below) / (above + below);
  return { upsideDown, certainty: Math.min(1, agreement * Math.min(1, votes / 8)) * Math.min(1, inkRatio * 3) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function normalizeDegrees(deg: number): number {
  const d = ((deg % 360) + 360) % 360;
  return Math.round((d > 180 ? d - 360 : d) * 10) / 10;
}
