import { cmpNum, cmpStr, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** A NuGet version (NuGet.Versioning.NuGetVersion), pre-tokenised. */
export interface NuGetVersion extends ParsedVersion {
  /** Major, minor, patch, revision (missing parts are 0). */
  readonly release: readonly [Num, Num, Num, Num];
  /** Release labels: numeric labels are numbers, others upper-cased (compared ordinal-ignore-case). */
  readonly labels: readonly (Num | string)[];
}

const LABEL = /^[0-9A-Za-z-]+$/;

/** Parses like NuGetVersion.TryParse: 1 to 4 numeric parts, optional `-labels`, optional `+metadata`. */
export function parseNuGet(input: string): NuGetVersion {
  const text = checkVersionText('NuGet', input);
  let s = text;
  const plus = s.indexOf('+');
  if (plus >= 0) {
    const meta = s.slice(plus + 1);
    if (!meta.split('.').every((m) => LABEL.test(m))) throw invalidVersion('NuGet', text, 'invalid build metadata');
    s = s.slice(0, plus);
  }
  const dash = s.indexOf('-');
  const labelPart = dash >= 0 ? s.slice(dash + 1) : undefined;
  if (dash >= 0) s = s.slice(0, dash);
  const parts = s.split('.');
  if (parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) {
    throw invalidVersion('NuGet', text, 'expected 1 to 4 dot-separated numbers before any "-" or "+"');
  }
  const nums = parts.map(toNum);
  while (nums.length < 4) nums.push(0);
  let labels: (Num | string)[] = [];
  if (labelPart !== undefined) {
    const raw = labelPart.split('.');
    if (!raw.every((l) => LABEL.test(l))) throw invalidVersion('NuGet', text, 'release labels must be [0-9A-Za-z-]');
    labels = raw.map((l) => (/^\d+$/.test(l) ? toNum(l) : l.toUpperCase()));
  }
  return { scheme: 'NuGet', text, release: nums as unknown as [Num, Num, Num, Num], labels };
}

/** NuGet VersionComparer.Default: version parts, then release labels; metadata is ignored. */
export function compareNuGet(a: NuGetVersion, b: NuGetVersion): number {
  for (let i = 0; i < 4; i++) {
    const c = cmpNum(a.release[i]!, b.release[i]!);
    if (c !== 0) return c;
  }
  const al = a.labels;
  const bl = b.labels;
  if (al.length === 0 || bl.length === 0) return al.length === bl.length ? 0 : al.length === 0 ? 1 : -1;
  const n = Math.min(al.length, bl.length);
  for (let i = 0; i < n; i++) {
    const x = al[i]!;
    const y = bl[i]!;
    const xs = typeof x === 'string';
    const ys = typeof y === 'string';
    const c = xs && ys ? cmpStr(x, y) : xs ? 1 : ys ? -1 : cmpNum(x as Num, y as Num);
    if (c !== 0) return c;
  }
  return al.length - bl.length;
}

/** NuGet: NuGet.Versioning order. */
export const nuget: VersionScheme<NuGetVersion> = {
  id: 'NuGet',
  parse: parseNuGet,
  compare: compareNuGet,
  // release labels are case-insensitive: their canonical spelling is lower case (metadata kept)
  canonical: (v) => v.text.replace(/-[^+]*/, (labels) => labels.toLowerCase()),
};
