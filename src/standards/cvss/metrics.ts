/** CVSS versions this module reads. */
export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';

export type MetricGroup = 'base' | 'temporal' | 'threat' | 'environmental' | 'supplemental';

/** One metric of a version's vector string: its abbreviation and allowed values. */
export interface MetricDefinition {
  readonly key: string;
  readonly group: MetricGroup;
  readonly values: readonly string[];
  readonly mandatory: boolean;
}

function group(g: MetricGroup, mandatory: boolean, defs: Array<[string, string]>): MetricDefinition[] {
  return defs.map(([key, values]) => ({ key, group: g, values: values.split(','), mandatory }));
}

// CVSS v2 guide §2 (metric groups) and §3.2.1 (vector); ND is "Not Defined".
const V2 = [
  ...group('base', true, [
    ['AV', 'L,A,N'],
    ['AC', 'H,M,L'],
    ['Au', 'M,S,N'],
    ['C', 'N,P,C'],
    ['I', 'N,P,C'],
    ['A', 'N,P,C'],
  ]),
  ...group('temporal', false, [
    ['E', 'U,POC,F,H,ND'],
    ['RL', 'OF,TF,W,U,ND'],
    ['RC', 'UC,UR,C,ND'],
  ]),
  ...group('environmental', false, [
    ['CDP', 'N,L,LM,MH,H,ND'],
    ['TD', 'N,L,M,H,ND'],
    ['CR', 'L,M,H,ND'],
    ['IR', 'L,M,H,ND'],
    ['AR', 'L,M,H,ND'],
  ]),
];

// CVSS v3.0 / v3.1 specification §6, Table 15 (the metrics are the same in both).
const V3 = [
  ...group('base', true, [
    ['AV', 'N,A,L,P'],
    ['AC', 'L,H'],
    ['PR', 'N,L,H'],
    ['UI', 'N,R'],
    ['S', 'U,C'],
    ['C', 'H,L,N'],
    ['I', 'H,L,N'],
    ['A', 'H,L,N'],
  ]),
  ...group('temporal', false, [
    ['E', 'X,H,F,P,U'],
    ['RL', 'X,U,W,T,O'],
    ['RC', 'X,C,R,U'],
  ]),
  ...group('environmental', false, [
    ['CR', 'X,H,M,L'],
    ['IR', 'X,H,M,L'],
    ['AR', 'X,H,M,L'],
    ['MAV', 'X,N,A,L,P'],
    ['MAC', 'X,L,H'],
    ['MPR', 'X,N,L,H'],
    ['MUI', 'X,N,R'],
    ['MS', 'X,U,C'],
    ['MC', 'X,H,L,N'],
    ['MI', 'X,H,L,N'],
    ['MA', 'X,H,L,N'],
  ]),
];

// CVSS v4.0 specification §7 (Vector String), Table 23, in its required order.
const V4 = [
  ...group('base', true, [
    ['AV', 'N,A,L,P'],
    ['AC', 'L,H'],
    ['AT', 'N,P'],
    ['PR', 'N,L,H'],
    ['UI', 'N,P,A'],
    ['VC', 'H,L,N'],
    ['VI', 'H,L,N'],
    ['VA', 'H,L,N'],
    ['SC', 'H,L,N'],
    ['SI', 'H,L,N'],
    ['SA', 'H,L,N'],
  ]),
  ...group('threat', false, [['E', 'X,A,P,U']]),
  ...group('environmental', false, [
    ['CR', 'X,H,M,L'],
    ['IR', 'X,H,M,L'],
    ['AR', 'X,H,M,L'],
    ['MAV', 'X,N,A,L,P'],
    ['MAC', 'X,L,H'],
    ['MAT', 'X,N,P'],
    ['MPR', 'X,N,L,H'],
    ['MUI', 'X,N,P,A'],
    ['MVC', 'X,H,L,N'],
    ['MVI', 'X,H,L,N'],
    ['MVA', 'X,H,L,N'],
    ['MSC', 'X,H,L,N'],
    ['MSI', 'X,S,H,L,N'],
    ['MSA', 'X,S,H,L,N'],
  ]),
  ...group('supplemental', false, [
    ['S', 'X,N,P'],
    ['AU', 'X,N,Y'],
    ['R', 'X,A,U,I'],
    ['V', 'X,D,C'],
    ['RE', 'X,L,M,H'],
    ['U', 'X,Clear,Green,Amber,Red'],
  ]),
];

/** The metrics of each version, in the order its specification lists them. */
export const CVSS_METRICS: Readonly<Record<CvssVersion, readonly MetricDefinition[]>> = {
  '2.0': V2,
  '3.0': V3,
  '3.1': V3,
  '4.0': V4,
};
