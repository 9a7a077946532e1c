import { compareRpm, rpmSegments, type RpmVersion } from './rpm';
import { checkVersionText, type VersionScheme } from './types';

/**
 * The fallback for ecosystems without a known order: digit runs compare as numbers,
 * letter runs as text, other characters separate (rpmvercmp without epoch or release).
 * It accepts any non-blank version.
 */
export const generic: VersionScheme<RpmVersion> = {
  id: 'generic',
  parse(input) {
    const text = checkVersionText('generic', input);
    return { scheme: 'generic', text, epoch: 0, version: rpmSegments(text) };
  },
  compare: compareRpm,
};
