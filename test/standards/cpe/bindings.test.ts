import { describe, expect, it } from 'vitest';
import { ANY, NA, bindFormattedString, bindUri, formatWfn, makeWfn, parseCpe, unbindFormattedString, unbindUri } from '../../../src/standards/cpe';
import { FormatError } from '../../../src/standards/problem';

// Worked examples of NISTIR 7695 (CPE 2.3 Naming Specification). Each WFN is written in the
// report's display form (§5.4); the test checks both directions.
const URI_EXAMPLES: Array<[string, string]> = [
  // §6.1.2.4 Example 1 and §6.1.3.4 Example 1
  ['wfn:[part="a",vendor="microsoft",product="internet_explorer",version="8\\.0\\.6001",update="beta"]', 'cpe:/a:microsoft:internet_explorer:8.0.6001:beta'],
  // §6.1.2.4 Example 2 / §6.1.3.4 Example 3: unquoted wildcards bind to %02 and %01
  ['wfn:[part="a",vendor="microsoft",product="internet_explorer",version="8\\.*",update="sp?"]', 'cpe:/a:microsoft:internet_explorer:8.%02:sp%01'],
  // §6.1.2.4 Example 3: the extended attributes are packed into the edition
  [
    'wfn:[part="a",vendor="hp",product="insight_diagnostics",version="7\\.4\\.0\\.1570",update=NA,sw_edition="online",target_sw="win2003",target_hw="x64"]',
    'cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~',
  ],
  // §6.1.2.4 Example 4
  [
    'wfn:[part="a",vendor="hp",product="openview_network_manager",version="7\\.51",update=NA,target_sw="linux"]',
    'cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~',
  ],
  // §6.1.2.4 Example 5: quoted characters are percent-encoded
  [
    'wfn:[part="a",vendor="foo\\\\bar",product="big\\$money_manager_2010",sw_edition="special",target_sw="ipod_touch",target_hw="80gb"]',
    'cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~ipod_touch~80gb~',
  ],
];

const FS_EXAMPLES: Array<[string, string]> = [
  // §6.2.2.3 Example 1 and §6.2.3.3 Example 1
  [
    'wfn:[part="a",vendor="microsoft",product="internet_explorer",version="8\\.0\\.6001",update="beta"]',
    'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*',
  ],
  // §6.2.2.3 Example 2: wildcards stay unquoted
  ['wfn:[part="a",vendor="microsoft",product="internet_explorer",version="8\\.*",update="sp?"]', 'cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*'],
  // §6.2.2.3 Example 3
  [
    'wfn:[part="a",vendor="hp",product="insight",version="7\\.4\\.0\\.1570",update=NA,sw_edition="online",target_sw="win2003",target_hw="x64"]',
    'cpe:2.3:a:hp:insight:7.4.0.1570:-:*:*:online:win2003:x64:*',
  ],
  // §6.2.2.3 Example 4
  [
    'wfn:[part="a",vendor="hp",product="openview_network_manager",version="7\\.51",update=NA,target_sw="linux"]',
    'cpe:2.3:a:hp:openview_network_manager:7.51:-:*:*:*:linux:*:*',
  ],
  // §6.2.2.3 Example 5: other quoted characters keep their backslash
  [
    'wfn:[part="a",vendor="foo\\\\bar",product="big\\$money_2010",sw_edition="special",target_sw="ipod_touch",target_hw="80gb"]',
    'cpe:2.3:a:foo\\\\bar:big\\$money_2010:*:*:*:*:special:ipod_touch:80gb:*',
  ],
];

describe('CPE URI binding (NISTIR 7695 §6.1)', () => {
  it.each(URI_EXAMPLES)('%s ⇄ %s', (wfn, uri) => {
    expect(formatWfn(unbindUri(uri))).toBe(wfn);
    expect(bindUri(unbindUri(uri))).toBe(uri);
  });

  it('§6.1.3.4: %2a and %3f are quoted characters, not wildcards', () => {
    const wfn = unbindUri('cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f');
    expect(wfn.version).toBe('8\\.\\*');
    expect(wfn.update).toBe('sp\\?');
  });

  it('§6.1.3.4: a literal "~" in a non-packed value is quoted', () => {
    const wfn = unbindUri('cpe:/a:foo~bar:big%7emoney_2010');
    expect(wfn.vendor).toBe('foo\\~bar');
    expect(wfn.product).toBe('big\\~money_2010');
  });

  it('§6.1.3.4: rejects a non-printable escape and an embedded wildcard', () => {
    expect(() => unbindUri('cpe:/a:foo%5cbar:big%24money_2010%07:::~~special~ipod_touch~80gb~')).toThrow(FormatError);
    expect(() => unbindUri('cpe:/a:foo:bar:12.%02.1234')).toThrow(/version/);
  });

  it('unbinds the empty and "-" components to ANY and NA', () => {
    const wfn = unbindUri('cpe:/o:linux::-');
    expect(wfn.product).toEqual(ANY);
    expect(wfn.version).toEqual(NA);
    expect(wfn.other).toEqual(ANY);
  });
});

describe('CPE 2.3 formatted string binding (NISTIR 7695 §6.2)', () => {
  it.each(FS_EXAMPLES)('%s ⇄ %s', (wfn, fs) => {
    expect(formatWfn(unbindFormattedString(fs))).toBe(wfn);
    expect(bindFormattedString(unbindFormattedString(fs))).toBe(fs);
  });

  it('§6.2.3.3: rejects an embedded unquoted "*"', () => {
    expect(() => unbindFormattedString('cpe:2.3:a:hp:insight_diagnostics:7.4.*.1570:*:*:*:*:*:*:*')).toThrow(/version/);
  });

  it('rejects a wrong number of components and a bad part', () => {
    expect(() => unbindFormattedString('cpe:2.3:a:vendor:product')).toThrow(FormatError);
    expect(() => unbindFormattedString('cpe:2.3:x:vendor:product:*:*:*:*:*:*:*:*')).toThrow(/part/);
  });

  it('an escaped colon is part of the value, not a separator', () => {
    const wfn = unbindFormattedString('cpe:2.3:a:vendor:pro\\:duct:*:*:*:*:*:*:*:*');
    expect(wfn.product).toBe('pro\\:duct');
    expect(bindUri(wfn)).toBe('cpe:/a:vendor:pro%3aduct');
  });
});

describe('parseCpe', () => {
  it('reads either binding and returns both', () => {
    const fromUri = parseCpe('cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~');
    expect(fromUri.binding).toBe('uri');
    expect(fromUri.formattedString).toBe('cpe:2.3:a:hp:openview_network_manager:7.51:-:*:*:*:linux:*:*');
    const fromFs = parseCpe(fromUri.formattedString);
    expect(fromFs.binding).toBe('formatted-string');
    expect(fromFs.uri).toBe('cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~');
  });

  it('rejects what is neither binding, naming the problem', () => {
    expect(() => parseCpe('pkg:npm/foo')).toThrow(/cpe:2\.3:/);
  });

  it('makeWfn defaults missing attributes to ANY and checks values', () => {
    expect(formatWfn(makeWfn({ part: 'a', vendor: 'acme' }))).toBe('wfn:[part="a",vendor="acme"]');
    expect(() => makeWfn({ part: 'a', vendor: 'ac.me' })).toThrow(/quoted/);
    expect(() => makeWfn({ language: 'english' })).toThrow(/language/);
  });
});
