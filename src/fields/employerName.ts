import { layoutOf } from './layout/layoutView.js';
import { withPlacedEvidence, evidenceIn } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { letterLines } from './shared/letterLines.js';
import { missing, present, type FoundElement } from './shared/foundElement.js';
import { domainOf, findOrgNames, isFreeMail, isOrgLine, isOrgWord, isSuffix, orgMatchesDomain } from './shared/orgNames.js';
import { findLetterheadBlock } from './shared/orgLetterhead.js';
import { findQuotedHeaders, letterSentences, signatureBlock, EMAIL_ADDRESS } from './shared/sections.js';
import type { FoundEvidence } from './shared/foundElement.js';

const FIX = 'Please name the employing company in the letter (for example on the letterhead or in the first sentence).';

interface Candidate {
  name: string;
  source: string;
  evidence: FoundEvidence;
  weight: number;
}

// Phrases that put a company in the employer's seat: "join Acme", "offer … at Acme", "on behalf of Acme".
const EMPLOYER_CUE =
  /\b(?:join(?:ing)?|welcome\s+(?:you\s+)?to|on\s+behalf\s+of|employment\s+(?:with|at)|position\s+(?:with|at)|internship\s+(?:with|at)|co-?op\s+(?:with|at)|intern\s+(?:with|at)|role\s+(?:with|at)|offer\s+(?:from|with)|work(?:ing)?\s+(?:for|at|with)|here\s+at|we\s+at|everyone\s+at|team\s+at|career\s+at|(?:intern|engineer|analyst|developer|assistant|associate|specialist|designer|scientist|trainee|co-?op)\s+at)\s+(?:the\s+)?$/iu;
// "Acme Robotics is pleased to offer", "Acme Robotics (the "Company") offers".
const EMPLOYER_SUBJECT = /^\s*(?:\([^)]*\)\s*)?,?\s*(?:is|are)\s+(?:pleased|happy|delighted|excited|thrilled|glad)\b|^\s*(?:\([^)]*\)\s*)?(?:offers|hereby\s+offers|would\s+like\s+to\s+offer)\b/iu;
// Schools named in a letter are usually the student's, not the employer.
const SCHOOL = /\b(?:university|college|school|academy)\b/iu;

/** A company named right after an employer cue, capitalized, possibly without a company word: "join Zephyr". */
function cuedName(after: string): string | null {
  const org = findOrgNames(after)[0];
  if (org && org.index === 0) return org.name;
  const m = /^((?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*)(?:\s+(?:&|and|of)?\s*[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*){0,3})/u.exec(after);
  if (!m) return null;
  const name = m[1].replace(/[.,;:]+$/u, '').replace(/'s$/u, '');
  if (/^(?:the|our|your|us|you|we|this|a|an|team|company|organization)$/iu.test(name) || name.length < 2) return null;
  return name;
}

export function extractEmployerName(letter: Letter): FoundElement<'employer_name'> {
  return withPlacedEvidence(letter, findEmployerName(letter));
}

function findEmployerName(letter: Letter): FoundElement<'employer_name'> {
  const trace: string[] = [];
  const lines = letterLines(letter);
  const candidates: Candidate[] = [];

  const pages = letter.email ? letter.pages.map((p) => p.number) : [letter.pages[0]?.number ?? 1];
  for (const page of pages) {
    const header = findLetterheadBlock(layoutOf(letter), page);
    if (header) {
      candidates.push({ name: header.organization, source: 'letterhead', evidence: { page: header.page, quote: header.quote, span: header.span }, weight: 5 });
      break;
    }
  }

  for (const s of letterSentences(letter)) {
    const orgs = findOrgNames(s.text);
    for (const org of orgs) {
      const before = s.text.slice(0, org.index);
      const after = s.text.slice(org.index + org.name.length);
      let weight = org.strength === 'suffix' ? 2 : 1;
      let source = 'company name in the body';
      if (EMPLOYER_CUE.test(before)) {
        weight += 3;
        source = `"${before.trim().split(/\s+/).slice(-2).join(' ')} ${org.name}"`;
      } else if (EMPLOYER_SUBJECT.test(after)) {
        weight += 3;
        source = `"${org.name} ${after.trim().split(/\s+/).slice(0, 3).join(' ')}"`;
      }
      if (SCHOOL.test(org.name)) weight -= 2;
      candidates.push({ name: org.name, source, evidence: evidenceIn(letter, s.span, org.name), weight });
    }
    // Companies without a company word, found only by their position: "join Zephyr this summer".
    const cue = /\b(?:join(?:ing)?|welcome\s+(?:you\s+)?to|on\s+behalf\s+of|here\s+at|we\s+at|everyone\s+at|team\s+at|internship\s+(?:with|at)|position\s+(?:with|at)|employment\s+(?:with|at))\s+(?:the\s+)?/giu;
    let m: RegExpExecArray | null;
    while ((m = cue.exec(s.text))) {
      const name = cuedName(s.text.slice(m.index + m[0].length));
      if (name && !candidates.some((c) => c.name === name)) {
        candidates.push({ name, source: `"${m[0].trim()} ${name}"`, evidence: evidenceIn(letter, s.span, name), weight: 2 });
      }
    }
  }

  // The signature block's company line: "Acme Robotics, Inc." under the signer's title.
  const block = signatureBlock(letter);
  for (const line of block?.lines ?? []) {
    const org = isOrgLine(line.text) ?? findOrgNames(line.text)[0];
    if (org) {
      candidates.push({ name: org.name, source: 'signature block', evidence: { page: line.page, quote: line.text }, weight: 4 });
      break;
    }
  }

  // The sender's domain: confirms a candidate, or stands in when nothing else names the company.
  const from = letter.email?.from?.address ?? EMAIL_ADDRESS.exec(findQuotedHeaders(lines)?.from ?? '')?.[0] ?? null;
  const domain = from && !isFreeMail(from) ? domainOf(from) : null;

  // A brand with no company word in the signature, confirmed by an email domain: "Head of Growth | Loopwise".
  const blockDomains = new Set<string>(domain ? [domain] : []);
  for (const line of block?.lines ?? []) {
    const address = EMAIL_ADDRESS.exec(line.text)?.[0];
    if (address && !isFreeMail(address)) blockDomains.add(domainOf(address) ?? '');
  }
  for (const line of block?.lines ?? []) {
    if (EMAIL_ADDRESS.test(line.text)) continue;
    for (const segment of line.text.split(/\s*(?:[|•·–—]|,\s)\s*/u)) {
      const name = segment.trim();
      if (!/^[\p{Lu}\p{N}]/u.test(name) || name.split(/\s+/).length > 5 || candidates.some((c) => c.name === name)) continue;
      const d = [...blockDomains].find((x) => x && orgMatchesDomain(name, x));
      if (d) candidates.push({ name, source: `signature block, matching ${d}`, evidence: { page: line.page, quote: line.text }, weight: 3 });
    }
  }
  if (domain) {
    for (const c of candidates) if (orgMatchesDomain(c.name, domain)) c.weight += 2;
  }

  if (candidates.length === 0) {
    if (domain) {
      trace.push(`no company named in the letter; using the sender's domain ${domain}`);
      return present<'employer_name'>(domain, [{ page: letter.pages[0]?.number ?? 1, quote: from as string }], 0.5, trace);
    }
    trace.push('no letterhead, company name, or "join <Company>" phrase');
    return missing<'employer_name'>(FIX, trace);
  }

  // Sum the weight of each company over its mentions; a name and its fuller form ("Acme" / "Acme Robotics, Inc.") count together.
  const groups: { name: string; weight: number; best: Candidate; mentions: number }[] = [];
  for (const c of candidates) {
    const key = simple(c.name);
    const g = groups.find((x) => {
      const k = simple(x.name);
      return k === key || k.startsWith(key + ' ') || key.startsWith(k + ' ');
    });
    if (g) {
      g.weight += c.weight;
      g.mentions++;
      if (c.weight > g.best.weight) g.best = c;
      if (c.name.length > g.name.length && isPreferredForm(c.name, g.name)) g.name = c.name;
      // "NORTHWIND HEALTH SYSTEMS" in the letterhead, "Northwind Health Systems" in the body: keep the readable form.
      else if (simple(c.name) === simple(g.name) && isAllCaps(g.name) && !isAllCaps(c.name)) g.name = c.name;
    } else groups.push({ name: c.name, weight: c.weight, best: c, mentions: 1 });
  }
  groups.sort((a, b) => b.weight - a.weight);
  const top = groups[0];
  trace.push(`employer "${top.name}" from ${top.best.source}${top.mentions > 1 ? ` (${top.mentions} mentions)` : ''}`);
  if (domain && orgMatchesDomain(top.name, domain)) trace.push(`matches the sender's domain ${domain}`);
  if (groups[1]) trace.push(`also named: "${groups[1].name}" (weaker)`);
  const confidence = Math.min(0.95, 0.5 + top.weight * 0.06);
  return present<'employer_name'>(top.name, [top.best.evidence], confidence, trace);
}

/** The words of a company name without legal form or punctuation, for grouping mentions. */
function simple(name: string): string {
  return name
    .toLowerCase()
    .replace(/[,.]/g, ' ')
    .replace(/\b(?:inc|incorporated|llc|llp|lp|ltd|limited|corp|corporation|co|company|gmbh|plc|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The fuller form of the same company: "Acme Robotics, Inc." over "Acme Robotics", "Bramblewood Analytics
 * Group" over "Bramblewood Analytics"; but not a longer phrase that only starts like the name.
 */
function isPreferredForm(longer: string, shorter: string): boolean {
  if (simple(longer) === simple(shorter)) return true;
  if (!longer.toLowerCase().startsWith(shorter.toLowerCase())) return false;
  const extra = longer.slice(shorter.length).split(/[\s,]+/).filter(Boolean);
  // A legal form makes the longer one the company's full name ("LARKSPUR" -> "Larkspur Genomics, Inc.").
  return extra.length > 0 && (extra.every((w) => isSuffix(w) || isOrgWord(w)) || isSuffix(extra[extra.length - 1]));
}

function isAllCaps(name: string): boolean {
  return /\p{Lu}{2}/u.test(name) && !/\p{Ll}/u.test(name);
}
