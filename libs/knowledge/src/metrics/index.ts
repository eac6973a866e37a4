export * from './contact-figures';
export * from './department-figures';
export * from './metrics-range';
export * from './search-gaps';
export * from './usage-figures';
