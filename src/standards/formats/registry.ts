import { cve5Format } from '../cve5/format';
import { csafFormat } from '../csaf/format';
import { openVexFormat } from '../openvex/format';
import { osvFormat } from '../osv/format';
import { stixFormat } from '../stix/format';
import { findingsFormat, sarifFormat } from '../sarif/format';
import { cycloneDxFormat } from '../cyclonedx/format';
import { spdxFormat } from '../spdx/format';
import type { FormatAdapter } from './types';

/**
 * Every exchange format AISC reads or writes. To add one: import its adapter and add it here
 * (one import line, one entry). Order matters only for {@link detectFormat}: more specific
 * shapes first.
 */
export const FORMATS: readonly FormatAdapter[] = [
  csafFormat,
  cve5Format,
  stixFormat,
  openVexFormat,
  osvFormat,
  sarifFormat,
  findingsFormat,
  cycloneDxFormat,
  spdxFormat,
] as FormatAdapter[];

/** The format with this id, or undefined. */
export function findFormat(id: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The format a media type names (parameters such as `;version=2.1` compared when given). */
export function formatForMediaType(mediaType: string): FormatAdapter | undefined {
  const wanted = mediaType.toLowerCase().replace(/\s+/g, '');
  return (
    FORMATS.find((f) => f.mediaTypes.some((m) => m.toLowerCase() === wanted)) ??
    FORMATS.find((f) => f.mediaTypes.some((m) => m.toLowerCase().split(';')[0] === wanted.split(';')[0] && m !== 'application/json'))
  );
}

/** The formats whose usual file names match `fileName` (several may: many are `.json`). */
export function formatsForFileName(fileName: string): FormatAdapter[] {
  const base = fileName.slice(fileName.replace(/\\/g, '/').lastIndexOf('/') + 1);
  return FORMATS.filter((f) => f.fileNamePatterns.some((p) => p.test(base)));
}

/** The first format whose shape test accepts `text`, or undefined. */
export function detectFormat(text: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.detect(text));
}
