import type { CsafBranch, CsafFullProductName, ProductId } from '../csaf/types';
import type { OsvAffected, OsvRecord } from '../osv/types';
import { purlFor, purlTypeFor } from './ecosystems';
import { intervalsOf, versConstraints } from './intervals';

/** A fix: upgrading to `version` of a package remediates the products in `remediates`. */
export interface OsvFix {
  readonly productId: ProductId;
  readonly packageName: string;
  readonly version: string;
  readonly remediates: readonly ProductId[];
}

/** The CSAF product tree and product statuses derived from an OSV record's `affected`. */
export interface OsvProducts {
  readonly branches: CsafBranch[];
  readonly knownAffected: ProductId[];
  readonly fixed: ProductId[];
  readonly fixes: OsvFix[];
  /** Affected products of each package that has no known fix. */
  readonly unfixed: { readonly packageName: string; readonly productIds: ProductId[] }[];
}

/**
 * Builds a CSAF 2.0 product tree from OSV `affected` entries (CSAF 2.0 §3.1.2): ecosystem
 * (`product_family`) → package (`product_name`) → leaves. Each affected interval of a SEMVER
 * or ECOSYSTEM range is a `product_version_range` leaf named by its vers constraints
 * (§3.1.2.3 recommends vers); each fixed version and each explicitly listed affected version
 * (when the package has no such range) is a `product_version` leaf. Leaves carry a purl
 * (§3.1.4.3.5). Product ids are numbered in input order, so output is deterministic.
 */
export function productsFromOsv(record: OsvRecord): OsvProducts {
  let next = 0;
  const newId = (): ProductId => `CSAFPID-${String(++next).padStart(4, '0')}`;
  const families = new Map<string, CsafBranch[]>();
  const out: OsvProducts = { branches: [], knownAffected: [], fixed: [], fixes: [], unfixed: [] };

  const leaf = (category: 'product_version' | 'product_version_range', name: string, product: CsafFullProductName): CsafBranch => ({ category, name, product });

  for (const affected of (record.affected ?? []) as OsvAffected[]) {
    const pkg = affected.package;
    if (!pkg) continue;
    const leaves: CsafBranch[] = [];
    const affectedIds: ProductId[] = [];
    const fixedVersions: string[] = [];
    const helper = (version?: string) => {
      const purl = purlFor(pkg, version);
      return purl ? { product_identification_helper: { purl } } : {};
    };
    for (const range of affected.ranges ?? []) {
      if (range.type === 'GIT') continue; // commits are not product versions
      for (const interval of intervalsOf(range)) {
        const vers = `vers:${purlTypeFor(pkg.ecosystem)}/${versConstraints(interval)}`;
        const id = newId();
        leaves.push(leaf('product_version_range', vers, { name: `${pkg.name} ${versConstraints(interval)}`, product_id: id, ...helper() }));
        affectedIds.push(id);
        if (interval.fixed !== undefined && !fixedVersions.includes(interval.fixed)) fixedVersions.push(interval.fixed);
      }
    }
    if (affectedIds.length === 0) {
      for (const version of new Set(affected.versions ?? [])) {
        const id = newId();
        leaves.push(leaf('product_version', version, { name: `${pkg.name} ${version}`, product_id: id, ...helper(version) }));
        affectedIds.push(id);
      }
    }
    if (affectedIds.length === 0) {
      // Only GIT ranges or nothing: the package itself is what is known to be affected.
      const id = newId();
      leaves.push(leaf('product_version_range', `vers:${purlTypeFor(pkg.ecosystem)}/*`, { name: `${pkg.name} (all versions)`, product_id: id, ...helper() }));
      affectedIds.push(id);
    }
    for (const version of fixedVersions) {
      const id = newId();
      leaves.push(leaf('product_version', version, { name: `${pkg.name} ${version}`, product_id: id, ...helper(version) }));
      out.fixed.push(id);
      out.fixes.push({ productId: id, packageName: pkg.name, version, remediates: affectedIds });
    }
    if (fixedVersions.length === 0) out.unfixed.push({ packageName: pkg.name, productIds: affectedIds });
    out.knownAffected.push(...affectedIds);
    const family = families.get(pkg.ecosystem) ?? [];
    families.set(pkg.ecosystem, family);
    family.push({ category: 'product_name', name: pkg.name, branches: leaves });
  }
  for (const [ecosystem, packages] of families) out.branches.push({ category: 'product_family', name: ecosystem, branches: packages });
  return out;
}
