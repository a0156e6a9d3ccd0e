import type { Letter } from './letter.js';
import { letterLines } from './shared/letterLines.js';
import { findLetterheadBlock, type HeaderFound } from './shared/orgLetterhead.js';
import { invalid, missing, present, type FoundElement } from './shared/foundElement.js';
import { domainOf, findOrgNames, isFreeMail, orgMatchesDomain } from './shared/orgNames.js';
import { EMAIL_ADDRESS, findQuotedHeaders, signatureBlock } from './shared/sections.js';

const FIX_MISSING = 'Please send the letter on company letterhead, or as an email from an official company address.';
const FIX_FREE_MAIL =
  'The email comes from a personal address. Please send the letter on company letterhead, or as an email from an official company email address.';

/** The company name for an email's domain, when the body or signature names it; else the domain itself. */
function organizationForDomain(letter: Letter, domain: string): { name: string; how: string } {
  const block = signatureBlock(letter);
  const blockText = block ? block.lines.map((l) => l.text).join('\n') : '';
  const fromSignature = findOrgNames(blockText).find((o) => orgMatchesDomain(o.name, domain));
  if (fromSignature) return { name: fromSignature.name, how: `company "${fromSignature.name}" in the signature matches ${domain}` };
  for (const page of letter.pages) {
    const match = findOrgNames(page.text).find((o) => orgMatchesDomain(o.name, domain));
    if (match) return { name: match.name, how: `company "${match.name}" in the body matches ${domain}` };
  }
  return { name: domain, how: `no company name in the letter matches ${domain}; using the domain` };
}

export function extractLetterhead(letter: Letter): FoundElement<'letterhead'> {
  const lines = letterLines(letter);
  const trace: string[] = [];
  const firstPage = letter.pages[0]?.number ?? 1;

  // For an email, attachments follow the body as pages 2..: a letterhead on any of them counts.
  const pagesToSearch = letter.email ? letter.pages.map((p) => p.number) : [firstPage];
  let header: HeaderFound | null = null;
  for (const page of pagesToSearch) {
    header = findLetterheadBlock(lines, page);
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

  if (header) {
    trace.push(header.how);
    if (from) trace.push(`also an email from ${from}; the letterhead decides`);
    return present<'letterhead'>(
      { kind: 'letterhead', organization: header.organization, sender: from },
      [{ page: header.page, quote: header.quote }],
      header.confidence,
      trace,
    );
  }

  if (from) {
    const domain = domainOf(from);
    trace.push(`no company letterhead at the top of the letter; ${emailSource} with From ${from}`);
    if (isFreeMail(from)) {
      trace.push(`rejected as official email: ${domain ?? from} is a free personal mail service`);
      return invalid<'letterhead'>(
        { kind: 'email', organization: null, sender: from },
        [{ page: emailPage, quote: emailEvidence ?? from }],
        FIX_FREE_MAIL,
        trace,
      );
    }
    const org = domain ? organizationForDomain(letter, domain) : { name: null, how: 'no domain in the From address' };
    trace.push(org.how);
    if (!emailHeadersComplete) trace.push('some of From/To/Date/Subject are missing from the email headers');
    return present<'letterhead'>(
      { kind: 'email', organization: org.name, sender: from },
      [{ page: emailPage, quote: emailEvidence ?? from }],
      emailHeadersComplete ? (envelope ? 0.95 : 0.8) : 0.6,
      trace,
    );
  }

  trace.push('no company name block at the top of the first page and no email headers');
  return missing<'letterhead'>(FIX_MISSING, trace);
}
