import { acceleratorFigures, acceleratorOf, EXPORT_CONTROL_RULE } from './accelerators';
import type { InventoryLine } from './cluster-rules';

/**
 * ECCN 4A090.a covers computers "containing" 3A090.a ICs: a cluster holding any controlled chip
 * is such a computer under the rule's version. Chips whose class is undetermined are named, so a
 * reader sees that the answer is not complete.
 */
export function clusterExportClasses(lines: readonly InventoryLine[]): {
  chipEccns: string[];
  computerEccns: string[];
  undeterminedChips: string[];
  rule: string;
  ruleVersion: string;
} {
  const chip = new Set<string>();
  const undetermined = new Set<string>();
  for (const l of lines) {
    const a = acceleratorOf(l.acceleratorId);
    if (!a) continue;
    const f = acceleratorFigures(a).export;
    if (f.status === 'controlled') chip.add(f.eccn);
    if (f.status === 'undetermined') undetermined.add(a.id);
  }
  const chipEccns = [...chip].sort();
  const computerEccns = chipEccns.map((e) => EXPORT_CONTROL_RULE.computerEccn[e]).filter((e): e is string => !!e);
  return { chipEccns, computerEccns, undeterminedChips: [...undetermined].sort(), rule: EXPORT_CONTROL_RULE.id, ruleVersion: EXPORT_CONTROL_RULE.version };
}
