// Lint config: typescript-eslint's recommended rules over every source, test and script; `any` is an error (STYLE.md habit 10).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output, generated docs, and fixture files that are inputs to the linter under test, not code.
    ignores: ['**/out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'test-results/**', '.vscode-test/**', 'docs/**', 'examples/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { dropped, ...rest } = x` is how we omit a property; the dropped binding is intentionally unused.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright drivers of the editor: their `page.evaluate` callbacks run in the browser page.
    files: ['scripts/*editor*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The bin launchers are CommonJS shims that `require` the bundles.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
