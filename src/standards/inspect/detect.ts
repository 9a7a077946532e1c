import { FormatError } from '../problem';
import type { InspectLogFormat } from './types';

/**
 * Which of Inspect's two files the bytes are, by their first bytes: a zip's local file header
 * (`PK\x03\x04`, APPNOTE.TXT §4.3.7) or end-of-central-directory record (`PK\x05\x06`, an empty
 * zip) for `.eval`, and `{` (after whitespace or a BOM) for `.json`.
 */
export function detectInspectFormat(bytes: Uint8Array): InspectLogFormat {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return 'eval';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'json';
  if (bytes.length === 0) throw new FormatError('inspect', [{ path: '', message: 'is empty' }]);
  throw new FormatError('inspect', [{ path: '', message: 'is neither an Inspect JSON log (.json) nor a zipped .eval log' }]);
}
