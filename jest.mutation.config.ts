/** @jest-config-loader-options {"transpileOnly": true, "skipProject": true, "compilerOptions": {"module": "CommonJS", "ignoreDeprecations": "6.0"}} */
import type { Config } from 'jest';
import base from './jest.config';

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`): the domain lib's specs and
 * the completion-metrics specs, pure and in-process. The read models' store, projection and SQL
 * tests are left out: they test the stores, and would make every mutant run slow.
 */
const config: Config = {
  ...base,
  roots: ['<rootDir>/libs/ticketing', '<rootDir>/libs/read-models/src/metrics'],
  testMatch: ['**/*.spec.ts'],
};

export default config;
