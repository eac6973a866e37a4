export * from './shared/domain-errors';
export * from './shared/decider';
export * from './shared/stamp';
export * from './shared/stream-codec';
export * from './articles';
export * from './contacts';
export * from './metrics';
export * from './import';
