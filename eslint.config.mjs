// ESLint for the whole tree (npm run lint): typescript-eslint's recommended rules everywhere, the
// React hooks rules for the console. Formatting is Prettier's (npm run format), not ESLint's.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', 'reports/**', '.stryker-tmp/**', 'data/**', 'test-output/**', 'apps/web/src/lib/api-schema.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The input checks match control characters on purpose (NUL, C0 controls in untrusted text).
      'no-control-regex': 'off',
      // A variable a closure reads before its one assignment (a callback wired before the value exists) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Node's own CommonJS scripts (bins, start scripts): require() is their import.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The pages reset what they show when the address changes (another ticket, another queue) in
      // an effect; moving those resets into event handlers or keys changes when the screen clears,
      // which the browser tests pin down. Kept as a warning to be paid off deliberately.
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    // Tests load test-only modules lazily with require() (a child process's cache, optional peers).
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
