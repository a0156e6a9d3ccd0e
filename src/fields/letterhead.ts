import { withPlacedEvidence } from './layout/placeEvidence.js';
import type { Letter } from './letter.js';
import { letterLines } from './shared/letterLines.js';
import { findLetterheadBlock, type HeaderFound } from './shared/orgLetterhead.js';
import { invalid, missing, present, type FoundElement } from './shared/foundElement.js';
import { domainOf, findOrgNames, isFreeMail, isOrgLine, namesForDomain, withoutLegalForm } from './shared/orgNames.js';
import { EMAIL_ADDRESS, findQuotedHeaders, signatureBlock } from './shared/sections.js';
import { layoutOf } from './layout/layoutView.js';

const FIX_MISSING = 'Please send the letter on company letterhead, or as an email from an official company address.';
const FIX_FREE_MAIL =
  'The email comes from a personal address. Please send the letter on company letterhead, or as an email from an official company email address.';

/**
 * The organization behind an email's domain: the shortest name the letter gives it (how it calls itself,
 * "Windrose Transit" rather than "Windrose Transit Technologies"), without legal form; else the domain.
 */
function organizationForDomain(letter: Letter, domain: string): { name: string; how: string } {
  const names = letter.pages.flatMap((p) => namesForDomain(p.text, domain)).map(withoutLegalForm);
  const label = domain.split('.')[0].replace(/[^a-z0-9]/gi, '').toLowerCase();
  // A lone first word ("Windrose") stands for the company only when it is the whole domain name.
  const usable = names.filter((n) => n.split(/\s+/).length >= 2 || n.replace(/[^a-z0-9]/gi, '').toLowerCase() === label);
  const pool = usable.length > 0 ? usable : names;
  if (pool.length === 0) return { name: domain, how: `no company name in the letter matches ${domain}; using the domain` };
  const shortest = pool.reduce((a, b) => (b.length < a.length ? b : a));
  return { name: shortest, how: `the letter calls the company behind ${domain} "${shortest}"` };
}

export function extractLetterhead(letter: Letter): FoundElement<'letterhead'> {
  return withPlacedEvidence(letter, findLetterhead(letter));
}

function findLetterhead(letter: Letter): FoundElement<'letterhead'> {
  const lines = letterLines(letter);
  const trace: string[] = [];
  const firstPage = letter.pages[0]?.number ?? 1;

  // For an email, attachments follow the body as pages 2..: a letterhead on any of them counts.
  const pagesToSearch = letter.email ? letter.pages.map((p) => p.number) : [firstPage];
  const view = layoutOf(letter);
  let header: HeaderFound | null = null;
  for (const page of pagesToSearch) {
    header = findLetterheadBlock(view, page);
    if (header) break;
  }

  const envelope = letter.email;
  let from = envelope?.from?.address ?? null;
  let emailHeadersComplete = envelope ? Boolean(envelope.from && envelope.to.length > 0 && envelope.date && envelope.subject) : false;
  let emailEvidence = from ? `From: ${envelope?.from?.name ? `${envelope.from.name} <${from}>` : from}` : null;
  let emailSource = 'email headers';
  let emailPage = firstPage;
  if (!envelope) {
    // An email pasted or printed as text still shows its From/To/Date/Subject block.
    const quoted = findQuotedHeaders(lines);
    if (quoted?.from) {
      const address = EMAIL_ADDRESS.exec(quoted.from)?.[0] ?? null;
      if (address) {
        from = address;
        emailHeadersComplete = Boolean(quoted.to && quoted.date && quoted.subject);
        emailEvidence = quoted.lines[0].text;
        emailPage = quoted.lines[0].page;
        emailSource = 'email headers printed in the text';
      }
    }
  }

  const freeMail = from !== null && isFreeMail(from);
  if (header && (!from || freeMail)) {
    trace.push(header.how);
    if (from) trace.push(`the email comes from a free mail address (${from}); the letterhead stands`);
    return present<'letterhead'>(
      { kind: 'letterhead', organization: header.organization, sender: null },
      [{ page: header.page, quote: header.quote, span: header.span }],
      header.confidence,
      trace,
    );
  }

  if (from) {
    const domain = domainOf(from);
    trace.push(`${emailSource} with From ${from}`);
    if (freeMail) {
      trace.push(`rejected as official email: ${domain ?? from} is a free personal mail service, and no company letterhead is present`);
      return invalid<'letterhead'>(
        { kind: 'email', organization: null, sender: from },
        [{ page: emailPage, quote: emailEvidence ?? from }],
        FIX_FREE_MAIL,
        trace,
      );
    }
    const org = domain ? organizationForDomain(letter, domain) : { name: null, how: 'no domain in the From address' };
    trace.push(org.how);
    if (header) trace.push(`a letterhead ("${header.organization}") is also present`);
    if (!emailHeadersComplete) trace.push('some of From/To/Date/Subject are missing from the email headers');
    return present<'letterhead'>(
      { kind: 'email', organization: org.name, sender: from },
      [{ page: emailPage, quote: emailEvidence ?? from }],
      emailHeadersComplete ? (envelope ? 0.95 : 0.8) : 0.6,
      trace,
    );
  }

  // A letterhead that is only a logo: a picture in the page header, or above all text of the first page.
  const logo = pagesToSearch.flatMap((page) => view.pictures({ page })).find((p) => p.region === 'header' || p.beforeText);
  if (logo) {
    const named = organizationOfLogo(letter);
    trace.push(`a picture ${logo.region === 'header' ? 'in the page header' : 'above the text'} of page ${logo.page}, with no company name written beside it: taken as a logo letterhead`);
    trace.push(named.how);
    return present<'letterhead'>(
      { kind: 'letterhead', organization: named.name, sender: null },
      [{ page: logo.page, quote: logo.name ?? '', span: logo.span, box: logo.box }],
      0.6,
      trace,
    );
  }

  trace.push('no company name block at the top of the first page and no email headers');
  return missing<'letterhead'>(FIX_MISSING, trace);
}

/** Who a logo stands for: the company the signature block names, else the sender's domain; null when neither says. */
function organizationOfLogo(letter: Letter): { name: string | null; how: string } {
  for (const line of signatureBlock(letter)?.lines ?? []) {
    const org = isOrgLine(line.text) ?? findOrgNames(line.text)[0];
    if (org) return { name: org.name, how: `the company named in the signature block: "${org.name}"` };
  }
  const from = letter.email?.from?.address;
  const domain = from && !isFreeMail(from) ? domainOf(from) : null;
  if (domain) return organizationForDomain(letter, domain);
  return { name: null, how: 'no company name in the signature block and no sender domain to name the logo by' };
}
