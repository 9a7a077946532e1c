/** Kinds of organisation that take part in the clearinghouse (DESIGN.md "Who uses it"). */
export const ORGANISATION_KINDS = [
  { id: 'government_agency', label: 'Government agency' },
  { id: 'ai_developer', label: 'AI developer' },
  { id: 'software_vendor', label: 'Software vendor' },
  { id: 'critical_infrastructure_operator', label: 'Critical-infrastructure operator' },
  { id: 'third_party_assessor', label: 'Third-party assessor' },
  { id: 'researcher', label: 'Researcher' },
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['id'];
export const ORGANISATION_KIND_IDS = ORGANISATION_KINDS.map((k) => k.id) as [OrganisationKind, ...OrganisationKind[]];

/** The 16 critical-infrastructure sectors of PPD-21, as CISA lists them. */
export const CI_SECTORS = [
  { id: 'chemical', label: 'Chemical' },
  { id: 'commercial_facilities', label: 'Commercial Facilities' },
  { id: 'communications', label: 'Communications' },
  { id: 'critical_manufacturing', label: 'Critical Manufacturing' },
  { id: 'dams', label: 'Dams' },
  { id: 'defense_industrial_base', label: 'Defense Industrial Base' },
  { id: 'emergency_services', label: 'Emergency Services' },
  { id: 'energy', label: 'Energy' },
  { id: 'financial_services', label: 'Financial Services' },
  { id: 'food_and_agriculture', label: 'Food and Agriculture' },
  { id: 'government_facilities', label: 'Government Services and Facilities' },
  { id: 'healthcare_and_public_health', label: 'Healthcare and Public Health' },
  { id: 'information_technology', label: 'Information Technology' },
  { id: 'nuclear', label: 'Nuclear Reactors, Materials, and Waste' },
  { id: 'transportation_systems', label: 'Transportation Systems' },
  { id: 'water_and_wastewater', label: 'Water and Wastewater Systems' },
] as const;
export type Sector = (typeof CI_SECTORS)[number]['id'];
export const SECTOR_IDS = CI_SECTORS.map((s) => s.id) as [Sector, ...Sector[]];

const SECTOR_SET: ReadonlySet<string> = new Set(SECTOR_IDS);
/** Whether a string names one of the sixteen sectors (input from the CLI is checked here). */
export const isSector = (s: string): s is Sector => SECTOR_SET.has(s);

export interface OrganisationFacts {
  readonly kind: OrganisationKind;
  readonly sectors: readonly string[];
}

/**
 * Sectors belong to critical-infrastructure operators only, and an operator names at
 * least one. Returns the problems (empty when consistent).
 */
export function sectorProblems(o: OrganisationFacts): { path: string; message: string }[] {
  const unknown = o.sectors.findIndex((s) => !isSector(s));
  if (unknown >= 0) return [{ path: `/sectors/${unknown}`, message: `not a critical-infrastructure sector (one of ${SECTOR_IDS.join(', ')})` }];
  if (o.kind === 'critical_infrastructure_operator' && o.sectors.length === 0) {
    return [{ path: '/sectors', message: 'a critical-infrastructure operator names at least one sector' }];
  }
  if (o.kind !== 'critical_infrastructure_operator' && o.sectors.length > 0) {
    return [{ path: '/sectors', message: 'only critical-infrastructure operators have sectors' }];
  }
  return [];
}
