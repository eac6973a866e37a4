export * from './parse-knowledge-base';
