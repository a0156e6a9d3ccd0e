/**
 * HTML wrapped in RTF the way Outlook stores an HTML message's body (MS-OXRTFEX): every tag in an
 * \*\htmltag group, the text between tags as RTF text, and RTF-only paragraph marks in \htmlrtf.
 */
export function encapsulateHtml(html: string): string {
  const escape = (text: string) => text.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[^\x00-\x7f]/g, (c) => `\\'${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const body = html
    .split(/(<[^>]+>)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('<') ? `{\\*\\htmltag64 ${escape(part)}}${/^<\/(?:p|tr|li|h\d|div)>/i.test(part) ? '\\htmlrtf \\par\r\n\\htmlrtf0 ' : ''}` : escape(part)))
    .join('');
  return `{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\r\n${body}}`;
}
