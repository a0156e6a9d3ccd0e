/**
 * Whether a request's Accept header asks for the PDF record rather than the JSON report: PDF
 * only when the client rates application/pdf above application/json (RFC 9110, 12.5.1; the most
 * specific range that matches a type gives its weight). No header, a wildcard alone, or a tie:
 * JSON, as before the record existed. Twenty lines of parsing, so no negotiation library for one decision.
 */
export function acceptsPdf(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').flatMap((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const [type, subtype] = range.trim().split('/');
    if (!type || !subtype) return [];
    // A weight that cannot be read leaves the range out rather than giving it full weight.
    const q = params.map((p) => /^\s*q\s*=\s*(.*?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(q) ? Number(q) : NaN;
    return Number.isFinite(weight) ? [{ type, subtype, weight }] : [];
  });
  const weightOf = (type: string, subtype: string) => {
    const exact = ranges.find((r) => r.type === type && r.subtype === subtype);
    const family = ranges.find((r) => r.type === type && r.subtype === '*');
    const any = ranges.find((r) => r.type === '*' && r.subtype === '*');
    return (exact ?? family ?? any)?.weight ?? 0;
  };
  const pdf = weightOf('application', 'pdf');
  return pdf > 0 && pdf > weightOf('application', 'json');
}
