/**
 * The OSV record an advisory publishes (OSV schema 1.7, standards/osv). Named in the domain so
 * the store, which may import only the domain, can type the `osv` columns with it.
 */
export type { OsvRecord } from '../../standards/osv/index';
