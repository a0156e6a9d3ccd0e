/** Splits text into sentences, keeping each sentence's offset; "Mr." or an initial does not end one. */
export function sentencesOf(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), index: from + lead });
  };
  const re = /[.!?]+["”’')\]]*(?=\s|$)/gu;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    const upto = text.slice(last, end);
    const next = text.slice(end).trimStart();
    // A sentence never goes on in lower case: "jennifer. wu@…" is a broken address, "approx. ten" an abbreviation.
    if (/^\p{Ll}/u.test(next)) continue;
    // Titles and initials never end a sentence; "Inc." or "a.m." ends one only before a capitalized word.
    if (/(?:\b(?:mr|mrs|ms|mx|dr|prof|st|jr|sr|no|vs|e\.g|i\.e|approx|dept|ext|apt|ste|fl)\.|(?:^|[\s(])\p{Lu}\.)$/iu.test(upto) && next) continue;
    if (/\b(?:inc|corp|co|ltd|llc|etc|u\.s|a\.m|p\.m)\.$/iu.test(upto) && next && !/^[\p{Lu}"“]/u.test(next)) continue;
    push(last, end);
    last = end;
  }
  push(last, text.length);
  return out;
}

