// The per-item answers are domain vocabulary (domain/intake/results.ts); services and routes import them from here too.
export * from '../../domain/intake/results';
