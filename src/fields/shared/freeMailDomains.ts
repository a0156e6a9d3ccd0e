/**
 * The one list of mail services anyone can sign up to, for the letterhead detector (an email from
 * one is no official email) and the rule that flags it. An offer sent from one is not an official company email:
 * recruiting scams use them, and an office cannot tell who stands behind the address.
 */
const FREE_MAIL_DOMAINS = new Set([
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'gmail.com',
  'googlemail.com',
  'ymail.com',
  'rocketmail.com',
  'aol.com',
  'aim.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'msn.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'mail.com',
  'email.com',
  'usa.com',
  'zohomail.com',
  'fastmail.com',
  'hey.com',
  'inbox.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'sohu.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'cox.net',
  'charter.net',
  'earthlink.net',
  'juno.com',
  'web.de',
  't-online.de',
  'libero.it',
  'orange.fr',
  'laposte.net',
]);

/** Services with a domain per country: yahoo.co.uk, hotmail.fr, outlook.jp, gmx.net, yandex.ru. */
const FREE_MAIL_FAMILIES = /^(?:yahoo|hotmail|outlook|live|windowslive|gmx|yandex|aol)\.(?:[a-z]{2,3})(?:\.[a-z]{2})?$/;

/** The domain of an address ("HR <hr@Gmail.com>" -> "gmail.com"); null when there is none. */
export function mailDomain(address: string): string | null {
  const match = /@([a-z0-9.-]+\.[a-z]{2,})\s*>?\s*$/i.exec(address.trim());
  return match ? match[1].toLowerCase() : null;
}

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  return FREE_MAIL_DOMAINS.has(d) || FREE_MAIL_FAMILIES.test(d);
}

/** Whether an address is at a free mail service, also on a subdomain ("hr@mail.yahoo.com"). */
export function isFreeMailAddress(address: string): boolean {
  const domain = mailDomain(address.includes('@') ? address : `x@${address}`);
  if (!domain) return false;
  const parts = domain.split('.');
  for (let i = 0; i + 1 < parts.length; i++) if (isFreeMailDomain(parts.slice(i).join('.'))) return true;
  return false;
}
