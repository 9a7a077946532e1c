export * from './identity';
export * from './audit';
export * from './events';
export * from './notes';
export * from './advisories';
export * from './intake';
export * from './cases';
export * from './frontier-registry';
