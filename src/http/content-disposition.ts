/**
 * `Content-Disposition: attachment` for a file name of any script (RFC 6266 §4.3): an ASCII
 * `filename` for old clients, and `filename*` with the exact name in UTF-8 (RFC 8187 §3.2).
 * A header value must be Latin-1 at most, so the raw name cannot go in `filename` itself —
 * that made every non-Latin-1 proof of concept undownloadable (issue 9 item 12).
 */
export function attachmentDisposition(name: string): string {
  // Printable ASCII only, without the quoted-string's own specials (RFC 9110 §5.6.4).
  const fallback = [...name].map((c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== '\\' ? c : '_')).join('') || 'download';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

/** RFC 8187 §3.2.1 value-chars: attr-char stays, every other octet of the UTF-8 is %XX. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
