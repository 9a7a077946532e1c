import { FormatError } from '../problem';
import { bindFormattedString, unbindFormattedString } from './formatted-string';
import { bindUri, unbindUri } from './uri';
import { formatWfn } from './wfn';
import type { Wfn } from './types';

/** Which binding a CPE name was written in. */
export type CpeBinding = 'formatted-string' | 'uri';

/** A parsed CPE name with both bindings of it. */
export interface CpeName {
  readonly binding: CpeBinding;
  readonly wfn: Wfn;
  /** NISTIR 7695 §5.4 display form of the WFN. */
  readonly wfnString: string;
  readonly formattedString: string;
  readonly uri: string;
}

/**
 * Parses a CPE name in either binding: a CPE 2.3 formatted string (`cpe:2.3:…`) or a URI
 * (`cpe:/…`), and returns its WFN with both bindings.
 * @throws FormatError naming each bad attribute.
 */
export function parseCpe(input: string): CpeName {
  if (typeof input !== 'string') throw new FormatError('cpe', [{ path: '', message: 'a CPE name must be a string' }]);
  const text = input.trim();
  let binding: CpeBinding;
  let wfn: Wfn;
  if (/^cpe:2\.3:/i.test(text)) {
    binding = 'formatted-string';
    wfn = unbindFormattedString(text);
  } else if (/^cpe:\//i.test(text)) {
    binding = 'uri';
    wfn = unbindUri(text);
  } else {
    throw new FormatError('cpe', [{ path: '', message: 'a CPE name starts with "cpe:2.3:" (formatted string) or "cpe:/" (URI)' }]);
  }
  return { binding, wfn, wfnString: formatWfn(wfn), formattedString: bindFormattedString(wfn), uri: bindUri(wfn) };
}
