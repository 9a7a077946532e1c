export * from './types';
export { validateStixBundle, validateStixObject, readStixBundle, parseStixBundle, stixReader } from './parse';
export { serializeStixBundle, STIX_KEY_ORDER } from './serialize';
export { stixFormat } from './format';
export { TLP2_MARKING_IDS, TLP2_EXTENSION_ID, tlpMarkingDefinition, tlpLabelOf, type TlpLabel } from './tlp';
export { uuidV5, deterministicStixId, STIX_SCO_NAMESPACE, AISC_STIX_NAMESPACE } from './ids';
