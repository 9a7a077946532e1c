/**
 * Which links an advisory may publish. Every link in an advisory ends up as a clickable
 * URL in OSV, CSAF and our own pages; `javascript:`, `data:` and `vbscript:` URLs run in
 * the reader's browser (OWASP XSS Prevention Cheat Sheet, rule 5: only http/https in URL
 * contexts). So references and remediation links are http(s) only, and a credit's contact
 * may also be `mailto:` (OSV 1.7 §credits[].contact: "fully qualified URLs", mail included).
 */
export const WEB_SCHEMES: readonly string[] = ['http:', 'https:'];
export const CONTACT_SCHEMES: readonly string[] = [...WEB_SCHEMES, 'mailto:'];

/** Why `url` may not be published, or null when it is an absolute URL in one of `schemes`. */
export function linkProblem(url: string, schemes: readonly string[] = WEB_SCHEMES): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not an absolute URL: use ${schemes.join(' or ')}`;
  }
  if (!schemes.includes(parsed.protocol)) return `${parsed.protocol} links are not published: use ${schemes.join(' or ')}`;
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return 'a web link names its host';
  return null;
}
