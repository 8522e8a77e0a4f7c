// Lint, including the layer rules of docs/architecture.md: who may import whom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Forbids imports of the named layers from files of one layer. */
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((dir) => ({ group: [`**/${dir}/*`, `**/${dir}`], message: why })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'scratch/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['src/domain/**'],
    ['db', 'services', 'documents', 'http', 'cli', 'web', 'i18n'],
    'domain is pure: it imports no layer with side effects',
  ),
  layer(['src/db/**'], ['services', 'documents', 'http', 'cli', 'web'], 'db may use domain types only'),
  layer(['src/documents/**'], ['db', 'services', 'http', 'cli', 'web'], 'documents may use domain types only'),
  layer(['src/services/**'], ['http', 'cli', 'web'], 'services are called by the front doors, never the reverse'),
  layer(['src/http/**'], ['db', 'documents', 'cli', 'web'], 'http is a front door: it calls services'),
  // cli may start the HTTP front door (pacte serve), nothing deeper than services.
  layer(['src/cli/**'], ['db', 'documents', 'web'], 'cli is a front door: it calls services'),
  // The web app runs in the browser and talks to the server only through the HTTP API: it may
  // import src/web and pure src/domain modules (block types, workflow), nothing with side effects.
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['db', 'services', 'documents', 'http', 'cli'].map((dir) => ({
              group: [`**/${dir}/*`, `**/${dir}`],
              message: 'the web app calls the HTTP API; it imports src/web and pure src/domain only',
            })),
            // Its messages are data (src/i18n/locales/*/web.json) formatted by the pure i18n/messages.js;
            // the server's i18n module reads files.
            {
              group: ['**/i18n/*.js', '**/i18n/*.ts', '**/i18n/index', '!**/i18n/messages.js'],
              message: 'the web app imports its catalogue and i18n/messages.js only',
            },
            { group: ['**/config', '**/config.js', 'node:*'], message: 'the web app runs in the browser' },
          ],
        },
      ],
    },
  },
  { files: ['scripts/**', 'bin/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
