/** @jest-config-loader-options {"transpileOnly": true, "skipProject": true, "compilerOptions": {"module": "CommonJS", "ignoreDeprecations": "6.0"}} */
import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const config: Config = {
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/docker'],
  testEnvironment: 'node',
  // Tests wait for events (a feed message, a projection), never for time; this only bounds a wait
  // on a loaded 2-core machine, where the browser suite's Chromium shares the cores with the rest.
  testTimeout: 20_000,
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  // The longest files first (by the last run's durations, or measured ones on a clean clone), so that
  // both workers finish together.
  testSequencer: '<rootDir>/apps/api/test/jest/slowest-first-sequencer.js',
  transform: { '^.+\\.(t|j|mj)s$': swc as never },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/|jose/|nodemailer/|smtp-server/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@switchboard/ticketing$': '<rootDir>/libs/ticketing/src/index.ts',
    '^@switchboard/event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^@switchboard/read-models$': '<rootDir>/libs/read-models/src/index.ts',
    '^@switchboard/command-handling$': '<rootDir>/libs/command-handling/src/index.ts',
    '^@switchboard/knowledge$': '<rootDir>/libs/knowledge/src/index.ts',
    '^@switchboard/outbound$': '<rootDir>/libs/outbound/src/index.ts',
    '^@switchboard/attachments$': '<rootDir>/libs/attachments/src/index.ts',
  },
};

export default config;
