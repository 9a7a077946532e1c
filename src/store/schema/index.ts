export * from './identity';
export * from './audit';
export * from './events';
export * from './notes';
