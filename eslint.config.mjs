// ESLint for the TypeScript sources, tests and scripts: typescript-eslint's recommended rules and
// lines of at most 140 characters. Layout is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals of Node and of the browser pages the e2e scripts drive (page.evaluate bodies run there). */
const RUNTIME_GLOBALS = Object.fromEntries(
  [
    'console',
    'process',
    '__dirname',
    'URL',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'AbortController',
    'document',
    'getComputedStyle',
    'Node',
    'NodeFilter',
    'WheelEvent',
    'requestAnimationFrame',
    'window',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: { globals: RUNTIME_GLOBALS },
    rules: {
      // Long messages and patterns stay on one line so they can be searched for; @example lines are run as tests.
      'max-len': [
        'error',
        {
          code: 140,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignorePattern: '@example ',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests read payloads' JSON `data` field by field.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
