import { toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** A version that is a list of numbers (CRAN, Hackage). */
export interface DottedVersion extends ParsedVersion {
  readonly numbers: readonly Num[];
}

/** List order: element-wise, and a version that is a prefix of another sorts first (1.0 < 1.0.0). */
export function compareDotted(a: DottedVersion, b: DottedVersion): number {
  const x = a.numbers;
  const y = b.numbers;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i]! < y[i]!) return -1;
    if (x[i]! > y[i]!) return 1;
  }
  return x.length - y.length;
}

function dotted(id: string, pattern: RegExp, split: RegExp, rule: string): VersionScheme<DottedVersion> {
  return {
    id,
    parse(input) {
      const text = checkVersionText(id, input);
      if (!pattern.test(text)) throw invalidVersion(id, text, rule);
      return { scheme: id, text, numbers: text.split(split).map(toNum) };
    },
    compare: compareDotted,
  };
}

/** CRAN / Bioconductor: R's package_version — numbers separated by `.` or `-`. */
export const cran = dotted('CRAN', /^\d+(?:[.-]\d+)*$/, /[.-]/, 'R package versions are numbers separated by "." or "-"');

/** Hackage / GHC: Cabal's Data.Version — numbers separated by `.`. */
export const hackage = dotted('Hackage', /^\d+(?:\.\d+)*$/, /\./, 'Haskell package versions are numbers separated by "."');
