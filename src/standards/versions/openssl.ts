import { cmpNumArrays, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** An OpenSSL release: `1.0.2zh`-style (numbers and a letter series) or 3.x SemVer-like. */
export interface OpensslVersion extends ParsedVersion {
  readonly numbers: readonly Num[];
  /** The letter series (`a`…`z`, `za`…): compared by length, then alphabetically. */
  readonly letters: string;
}

function parseOpenssl(input: string): OpensslVersion {
  const text = checkVersionText('openssl', input);
  const m = /^(\d+(?:\.\d+)*)([a-z]*)$/.exec(text);
  if (!m) throw invalidVersion('openssl', text, 'expected numbers with an optional letter series, e.g. 1.0.2k');
  return { scheme: 'openssl', text, numbers: m[1]!.split('.').map(toNum), letters: m[2]! };
}

/** OpenSSL: release numbers, then the letter series (z < za < zb). */
export const openssl: VersionScheme<OpensslVersion> = {
  id: 'openssl',
  parse: parseOpenssl,
  compare(a, b) {
    return cmpNumArrays(a.numbers, b.numbers) || a.letters.length - b.letters.length || (a.letters < b.letters ? -1 : a.letters > b.letters ? 1 : 0);
  },
};
