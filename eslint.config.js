// Flat config: typescript-eslint's type-aware-free recommended set keeps lint fast on 2 cores.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/client/**', '**/server/**', 'node:*', 'react', 'react-dom'] }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/server/**'] }],
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '*.config.ts', 'client/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/client/**'] }] },
  },
  // The client's rooms import one way: the page over the features, features over the index,
  // formatters and sync, which import no feature. (Later blocks replace earlier patterns,
  // so each repeats the server rule.)
  ...oneWay('client/customer-index/**', ['customers', 'customer-views', 'customer-filters', 'customer-actions', 'customer-card', 'customer-form', 'customer-export']),
  ...oneWay('client/{customer-views,customer-filters,customer-export}/**', ['customers', 'customer-card', 'customer-form']),
  ...oneWay('client/format/**', ['customers', 'customer-index', 'customer-views', 'customer-filters', 'customer-actions', 'customer-card', 'customer-form', 'sync']),
  ...oneWay('client/sync/**', ['customers', 'customer-index', 'customer-views', 'customer-filters', 'customer-actions', 'customer-card', 'customer-form', 'alerts', 'users', 'api-keys']),
);

/** Files in `files` may not import from the client folders named in `rooms`. */
function oneWay(files, rooms) {
  return [
    {
      files: [files],
      ignores: ['client/e2e/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', ...rooms.map((r) => `../${r}/**`)] }] },
    },
  ];
}
