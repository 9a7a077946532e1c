import type { ParsedVersion } from '../versions/types';
import type { Constraint, Comparator, VersionMatcher } from './types';

const OPCODE: Record<Comparator, number> = { '<': 0, '<=': 1, '>': 2, '>=': 3, '=': 4, '!=': 5 };

/** Whether `c = compare(version, bound)` satisfies the operator. */
export function satisfies(op: Comparator, c: number): boolean {
  return test(OPCODE[op], c);
}

function test(code: number, c: number): boolean {
  switch (code) {
    case 0:
      return c < 0;
    case 1:
      return c <= 0;
    case 2:
      return c > 0;
    case 3:
      return c >= 0;
    case 4:
      return c === 0;
    default:
      return c !== 0;
  }
}

/**
 * Compiles a union of conjunctions (`a || b && c`, the shape of npm, Composer, RubyGems,
 * PEP 440, Maven and NuGet ranges) into flat arrays of opcodes and parsed bounds.
 * An empty conjunction matches everything; an empty union matches nothing.
 */
export function compileDnf(compare: (a: ParsedVersion, b: ParsedVersion) => number, sets: readonly (readonly Constraint[])[]): VersionMatcher {
  const codes = sets.map((set) => Int8Array.from(set.map((c) => OPCODE[c.op])));
  const bounds = sets.map((set) => set.map((c) => c.version));
  return {
    matches(version) {
      for (let s = 0; s < codes.length; s++) {
        const code = codes[s]!;
        const bound = bounds[s]!;
        let ok = true;
        for (let i = 0; i < code.length; i++) {
          if (!test(code[i]!, compare(version, bound[i]!))) {
            ok = false;
            break;
          }
        }
        if (ok) return true;
      }
      return false;
    },
  };
}
