export * from './sla-clock';
export * from './sla-watch';
