import type { StixMarkingDefinition } from './types';

/** TLP 2.0 labels (FIRST TLP 2.0, August 2022). */
export type TlpLabel = 'TLP:CLEAR' | 'TLP:GREEN' | 'TLP:AMBER' | 'TLP:AMBER+STRICT' | 'TLP:RED';

/** The STIX extension definition for TLP 2.0 markings (OASIS cti-stix-common-objects, tlp-2.0). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The fixed ids of the TLP 2.0 marking definitions published by OASIS (cti-stix-common-objects). */
export const TLP2_MARKING_IDS: Readonly<Record<TlpLabel, string>> = {
  'TLP:CLEAR': 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'TLP:GREEN': 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'TLP:AMBER': 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'TLP:AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'TLP:RED': 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/**
 * The TLP 2.0 marking-definition object for a label, exactly as OASIS publishes it
 * (cti-stix-common-objects extension-definition-specifications/tlp-2.0): fixed id, a created
 * date of 2022-10-01, and the `tlp_2_0` property extension.
 */
export function tlpMarkingDefinition(label: TlpLabel): StixMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[label],
    created: '2022-10-01T00:00:00.000Z',
    name: label,
    extensions: {
      [TLP2_EXTENSION_ID]: {
        extension_type: 'property-extension',
        tlp_2_0: label.slice('TLP:'.length).toLowerCase(),
      },
    },
  };
}

/** The TLP 2.0 label of a marking-definition id, when it is one of the five fixed ids. */
export function tlpLabelOf(markingId: string): TlpLabel | undefined {
  return (Object.keys(TLP2_MARKING_IDS) as TlpLabel[]).find((l) => TLP2_MARKING_IDS[l] === markingId);
}
