export * from './sla-standing';
export * from './sla-watch';
