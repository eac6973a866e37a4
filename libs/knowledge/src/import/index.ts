export * from './parse-knowledge-base';
export * from './knowledge-base-file';
