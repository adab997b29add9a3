// Lint rules that run in `npm test`. Formatting is Prettier's (print width 120); these catch what it cannot:
// long lines it may not break (strings, comments, regular expressions) and functions too long to read.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import stylistic from '@stylistic/eslint-plugin';

export default tseslint.config(
  { ignores: ['dist/**', 'output/**', 'node_modules/**', 'tests/fixtures/**', 'tests/golden/**', 'content/**'] },
  js.configs.recommended,
  {
    // The live preview's script runs in the browser.
    files: ['**/preview.js'],
    languageOptions: {
      globals: { document: 'readonly', EventSource: 'readonly', location: 'readonly', window: 'readonly' },
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests: a describe() block holds many tests, and fixtures are long literals.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
