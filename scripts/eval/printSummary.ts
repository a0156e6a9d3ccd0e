/** The evaluation's human-readable output: tables an engineer reads to decide what to fix next. */
import type { GroupSummary, Ratio } from './score.js';
import { pct } from './score.js';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ratio = (r: Ratio) => `${r.right}/${r.total}`;

function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function formatSummary(s: GroupSummary): string {
  const out: string[] = [];
  out.push(`=== group ${s.group}: ${s.letters} letters, ${s.errors} checker errors, ${s.seconds} s`);
  out.push('');
  out.push(table(['element', 'right', '%'], Object.entries(s.elements).map(([name, r]) => [name, ratio(r), pct(r)])));
  out.push('');
  const verdicts = Object.keys(s.confusion);
  const gotColumns = ['complete', 'needs_review', 'incomplete', 'error'];
  out.push('verdict confusion (rows: expected, columns: got)');
  out.push(table(['expected \\ got', ...gotColumns], verdicts.map((v) => [v, ...gotColumns.map((g) => String(s.confusion[v][g] ?? 0))])));
  out.push(`verdict accuracy: ${ratio(s.verdict)} (${pct(s.verdict)})`);
  for (const w of s.wrongVerdicts) out.push(`  ${w.file}: expected ${w.expected}, got ${w.got}`);
  out.push('');
  out.push(table(['profile', 'verdict right', '%'], Object.entries(s.verdictByProfile).map(([p, r]) => [p, ratio(r), pct(r)])));
  out.push('');
  out.push(`deficient letters called complete: ${s.deficientCalledComplete.length}${s.deficientCalledComplete.length ? ` (${s.deficientCalledComplete.join(', ')})` : ''}`);
  out.push(`expected findings missed: ${s.missedFindings.length}`);
  for (const m of s.missedFindings) out.push(`  ${m.file}: ${m.code}`);
  out.push('');
  if (s.ambiguous.length) {
    out.push(`ambiguous labels left out of the figures: ${s.ambiguous.length}`);
    for (const a of s.ambiguous) out.push(`  ${a.file}  ${a.element}: ${a.why}; got ${short(a.got)}`);
    out.push('');
  }
  out.push(`wrong elements: ${s.wrong.length}`);
  for (const w of s.wrong) {
    out.push(`  ${w.file}  ${w.element}: ${w.reason}`);
    out.push(`      expected ${short(w.expected)}`);
    out.push(`      got      ${short(w.got)}`);
  }
  return out.join('\n');
}
