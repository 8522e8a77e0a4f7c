// Lint, including the layer rules of docs/architecture.md: who may import whom, and where SQL is.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SQL_ELSEWHERE = 'SQL lives in src/db/queries: elsewhere Kysely is a type (the handle) and a transaction';

/**
 * The imports one layer may not make: `forbidden` layers not at all (`except` names the modules
 * of theirs that are allowed), `typesOnly` layers only with `import type`. Outside src/db, kysely
 * is imported for its types only: SQL is written in src/db/queries.
 */
const layer = (files, { forbidden = [], except = [], typesOnly = [], sql = false }, why) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: sql ? [] : [{ name: 'kysely', allowTypeImports: true, message: SQL_ELSEWHERE }],
        patterns: [
          ...forbidden.map((dir) => ({
            // ESM names files: `dir/*` is the layer's modules, `dir.js` the one-file layer (config.js).
            group: [`**/${dir}/*`, `**/${dir}.js`, ...except.map((module) => `!**/${module}`)],
            message: why,
          })),
          ...typesOnly.map((dir) => ({
            group: [`**/${dir}/*`],
            allowTypeImports: true,
            message: `${why} (types only: import type)`,
          })),
        ],
      },
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
    { forbidden: ['db', 'services', 'documents', 'http', 'cli', 'web', 'i18n', 'config'] },
    'domain is pure: it imports no layer with side effects',
  ),
  layer(
    ['src/db/**'],
    { forbidden: ['services', 'documents', 'http', 'cli', 'web', 'i18n', 'config'], sql: true },
    'db may use domain only',
  ),
  layer(
    ['src/documents/**'],
    { forbidden: ['db', 'services', 'http', 'cli', 'web', 'i18n', 'config'] },
    'documents may use domain only (texts around the answers are passed in)',
  ),
  layer(
    ['src/config.ts'],
    { forbidden: ['db', 'services', 'documents', 'http', 'cli', 'web', 'i18n'] },
    'config is pure: it reads settings and may use domain only',
  ),
  layer(
    ['src/i18n/**'],
    { forbidden: ['db', 'services', 'documents', 'http', 'cli', 'web'] },
    'i18n may use domain only',
  ),
  layer(
    ['src/services/**'],
    { forbidden: ['http', 'cli', 'web'] },
    'services are called by the front doors, never the reverse',
  ),
  // The front doors call services. They may name db types (the handle they pass, the rows a
  // service returns), never call db; the review page shares the printable review's HTML of a
  // review's content (documents/review-html.ts), nothing else of documents.
  layer(
    ['src/http/**'],
    { forbidden: ['documents', 'cli', 'web'], except: ['documents/review-html.js'], typesOnly: ['db'] },
    'http is a front door: it calls services',
  ),
  // cli may start the HTTP front door (pacte serve), nothing deeper than services.
  layer(
    ['src/cli/**'],
    { forbidden: ['documents', 'web'], typesOnly: ['db'] },
    'cli is a front door: it calls services',
  ),
  // All SQL in src/db: a query built anywhere else is refused, whatever handle it is built on.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression > MemberExpression.callee > Identifier.property[name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|with|withRecursive|withTables|executeQuery)$/]',
          message: SQL_ELSEWHERE,
        },
      ],
    },
  },
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
