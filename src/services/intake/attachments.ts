import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_BYTES } from './finding-schema';

/**
 * Proofs of concept: stored content-addressed (SHA-256), of a kind a reviewer can open
 * safely. Active content a browser would run (HTML, SVG, scripts for the browser) and
 * executables are refused; archives and source text are allowed.
 */
export const ALLOWED_MEDIA_TYPES = [
  'text/plain',
  'text/markdown',
  'text/x-c',
  'text/x-c++',
  'text/x-python',
  'text/x-shellscript',
  'text/x-diff',
  'application/json',
  'application/x-ndjson',
  'application/octet-stream',
  'application/zip',
  'application/gzip',
  'application/x-tar',
  'application/pdf',
  'image/png',
  'image/jpeg',
] as const;

export interface AttachmentFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer;
  /** `sha256:<hex>`. */
  readonly digest: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks and decodes one attachment; every problem by JSON Pointer under `base`. */
export function checkAttachment(
  a: { name: string; mediaType: string; contentBase64: string },
  base: string,
): AttachmentFile | { problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const mediaType = a.mediaType.toLowerCase().split(';')[0]!.trim();
  if (!(ALLOWED_MEDIA_TYPES as readonly string[]).includes(mediaType))
    problems.push({ path: `${base}/mediaType`, message: `media type ${mediaType} is not allowed (allowed: ${ALLOWED_MEDIA_TYPES.join(', ')})` });
  if (/[/\\]/.test(a.name) || a.name.includes('\u0000') || a.name === '.' || a.name === '..')
    problems.push({ path: `${base}/name`, message: 'a file name, without directories' });
  const b64 = a.contentBase64.replace(/\s+/g, '');
  let content = Buffer.alloc(0);
  if (!BASE64.test(b64) || b64.length % 4 !== 0) problems.push({ path: `${base}/contentBase64`, message: 'not base64' });
  else {
    content = Buffer.from(b64, 'base64');
    if (content.length > MAX_ATTACHMENT_BYTES) problems.push({ path: `${base}/contentBase64`, message: `larger than ${MAX_ATTACHMENT_BYTES} bytes` });
    if (content.length === 0) problems.push({ path: `${base}/contentBase64`, message: 'empty file' });
  }
  if (problems.length) return { problems };
  return { name: a.name, mediaType, content, digest: `sha256:${createHash('sha256').update(content).digest('hex')}` };
}
