import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import prettier from 'eslint-config-prettier';

// Page text is data, never markup (pages are hostile): every HTML sink fails the lint, and the lint runs
// in CI before the tests. The rules below name each sink so the message says what to do instead.
const htmlSinks = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Never render HTML: pass page text as a text child.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'Never render HTML: pass page text as a text child.',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: build nodes with textContent.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML: build nodes with textContent.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'No document.write.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'No HTML parsing of strings into the document.',
  },
  {
    selector: "CallExpression[callee.name='eval']",
    message: 'No eval (MV3 CSP forbids it, and page data must never run).',
  },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function (same as eval).' },
];

export default tseslint.config(
  {
    ignores: ['.output/**', '.output-e2e/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests build hostile fixture DOMs on purpose; the sinks stay forbidden in product code only.
    files: ['test/**'],
    rules: { 'no-restricted-syntax': 'off', 'no-unsanitized/method': 'off', 'no-unsanitized/property': 'off' },
  },
  // Playwright fixtures must destructure `{}` when they use no other fixture.
  { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['scripts/**/*.mjs', '*.config.*'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  // Layout is Prettier's alone; ESLint keeps the rules about meaning.
  prettier,
);
