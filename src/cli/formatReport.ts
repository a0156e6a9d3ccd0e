import { ELEMENT_NAMES, type ElementStatus, type Report, type Severity } from '../report/index.js';
import { ELEMENT_LABELS, STATUS_MARKS, describeValue } from './describeElement.js';
import type { LetterError, LetterResult } from './letterCheck.js';

export interface TextStyle {
  /** Wraps text in an ANSI color; identity when color is off. */
  color(text: string, tone: 'good' | 'bad' | 'warn' | 'dim' | 'bold'): string;
  /** Terminal width to wrap to. */
  width: number;
}

const ANSI = { good: '\x1b[32m', bad: '\x1b[31m', warn: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m' } as const;

/** Color only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function textStyle(stream: { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined>): TextStyle {
  const useColor = Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  return {
    color: (text, tone) => (useColor ? `${ANSI[tone]}${text}\x1b[0m` : text),
    width: Math.max(60, Math.min(stream.columns ?? 100, 140)),
  };
}

const TONE: Record<ElementStatus, 'good' | 'bad' | 'warn'> = { present: 'good', missing: 'bad', invalid: 'bad', uncertain: 'warn' };
const SEVERITY_WORDS: Record<Severity, { icon: string; word: string; tone: 'bad' | 'warn' | 'dim' }> = {
  error: { icon: '✗', word: 'problem', tone: 'bad' },
  warning: { icon: '!', word: 'warning', tone: 'warn' },
  info: { icon: 'i', word: 'note', tone: 'dim' },
};

const VERDICT_WORDS: Record<Report['verdict'], string> = {
  complete: 'COMPLETE',
  incomplete: 'INCOMPLETE',
  needs_review: 'NEEDS REVIEW',
};

/** Greedy word wrap; words longer than the width are cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      line = '';
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function verdictLine(report: Report): string {
  const required = ELEMENT_NAMES.filter((n) => report.elements[n].required);
  const lacking = required.filter((n) => ['missing', 'invalid'].includes(report.elements[n].status)).length;
  const unsure = required.filter((n) => report.elements[n].status === 'uncertain').length;
  if (report.verdict === 'complete') return `all ${required.length} required items present`;
  const parts: string[] = [];
  if (lacking) parts.push(`${lacking} of ${required.length} required items missing or not acceptable`);
  if (unsure) parts.push(`${unsure} uncertain`);
  const problems = report.findings.filter((f) => f.severity === 'error' && !f.code.startsWith('ELEMENT_')).length;
  if (problems) parts.push(`${problems} problem${problems === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** One letter's report as a readable table: a mark, the item, and its value or the sentence to ask for. */
export function formatReport(file: string, report: Report, style: TextStyle): string {
  const tone = report.verdict === 'complete' ? 'good' : report.verdict === 'incomplete' ? 'bad' : 'warn';
  const out: string[] = [`${style.color(file, 'bold')}: ${style.color(VERDICT_WORDS[report.verdict], tone)} (${verdictLine(report)})`, ''];

  const markWidth = 2 + Math.max(...Object.values(STATUS_MARKS).map((m) => m.word.length));
  const labelWidth = Math.max(...Object.values(ELEMENT_LABELS).map((l) => l.length));
  const indent = 2;
  const restWidth = Math.max(24, style.width - indent - markWidth - 2 - labelWidth - 2);
  const pad = ' '.repeat(indent + markWidth + 2 + labelWidth + 2);

  const row = (name: (typeof ELEMENT_NAMES)[number]) => {
    const element = report.elements[name];
    const mark = STATUS_MARKS[element.status];
    const markText = `${mark.icon} ${mark.word}`.padEnd(markWidth);
    const value = describeValue(name, element.value as never);
    const text = element.status === 'present' ? (value ?? '') : [value, element.fix ? `Ask: ${element.fix}` : null].filter(Boolean).join(' | ');
    const lines = wrap(text, restWidth);
    out.push(`${' '.repeat(indent)}${style.color(markText, TONE[element.status])}  ${ELEMENT_LABELS[name].padEnd(labelWidth)}  ${lines[0]}`.trimEnd());
    for (const line of lines.slice(1)) out.push(`${pad}${line}`);
  };

  for (const name of ELEMENT_NAMES) if (report.elements[name].required) row(name);
  const optional = ELEMENT_NAMES.filter((name) => !report.elements[name].required);
  if (optional.length) {
    out.push('', `  ${style.color('Also checked (not required):', 'dim')}`);
    for (const name of optional) row(name);
  }

  const findings = report.findings.filter((f) => !f.code.startsWith('ELEMENT_'));
  if (findings.length) {
    out.push('', '  Findings:');
    for (const finding of findings) {
      const s = SEVERITY_WORDS[finding.severity];
      const head = `${s.icon} ${s.word}`.padEnd(markWidth);
      const lines = wrap(finding.message, style.width - indent - markWidth - 2);
      out.push(`${' '.repeat(indent)}${style.color(head, s.tone)}  ${lines[0]}`);
      for (const line of lines.slice(1)) out.push(`${' '.repeat(indent + markWidth + 2)}${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function formatError(file: string, error: LetterError, style: TextStyle): string {
  return `${style.color(file, 'bold')}: ${style.color('ERROR', 'bad')} ${error.title}${error.detail ? `: ${error.detail}` : ''} [${error.code}]\n`;
}

/** "3 letters checked: 1 complete, 1 incomplete, 0 need review, 1 could not be checked." */
export function summaryLine(results: LetterResult[]): string {
  const count = (verdict: Report['verdict']) => results.filter((r) => 'report' in r && r.report.verdict === verdict).length;
  const errors = results.filter((r) => 'error' in r).length;
  return `${results.length} letter${results.length === 1 ? '' : 's'} checked: ${count('complete')} complete, ${count('incomplete')} incomplete, ${count('needs_review')} need${count('needs_review') === 1 ? 's' : ''} review, ${errors} could not be checked.`;
}
