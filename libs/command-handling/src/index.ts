export * from './command-errors';
export * from './command-result';
export * from './keyed-lock';
export * from './load-ticket';
export * from './ticket-command-handler';
export * from './sla-watch/sla-watch-loop';
export * from './sla-watch/sla-watcher';
