export * from './types';
export { validateOpenVex, readOpenVex, parseOpenVex, openVexReader } from './parse';
export { serializeOpenVex, OPENVEX_KEY_ORDER } from './serialize';
export { openVexFormat } from './format';
