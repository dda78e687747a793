// Lint for the project's TypeScript: eslint's and typescript-eslint's recommended rules, with the few exceptions below.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-artifacts/**', 'test/fixtures/**', 'test/vscode/suite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { ...globals.node } } },
  // Scripts injected into the VS Code workbench page by the end-to-end tests run in the browser.
  { files: ['test/e2e/vscode/page/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      // Revision names and git output are checked for control characters on purpose.
      'no-control-regex': 'off',
      // Expected buf and text output is aligned with runs of spaces; `{2}` would hide what the line looks like.
      'no-regex-spaces': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // TypeScript itself reports undefined names, with the types' knowledge of globals.
      'no-undef': 'off',
    },
  },
);
