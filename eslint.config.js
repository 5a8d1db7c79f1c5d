// Lint for the whole workspace: `pnpm lint`. Formatting is Prettier's job (`pnpm format:check`).
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const features = fs.readdirSync('frontend/src/features');

/** The house layout, as import rules: each zone forbids `target` from importing `from`. */
const layoutZones = [
  // Features never import each other; routes in app/ compose them.
  ...features.map((feature) => ({
    target: `./frontend/src/features/${feature}`,
    from: './frontend/src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other: compose them in src/app/routes.',
  })),
  // Shared code (components, lib, config) never imports features or the app.
  ...['components', 'lib', 'config'].flatMap((shared) => [
    { target: `./frontend/src/${shared}`, from: './frontend/src/features', message: 'Shared code never imports a feature.' },
    { target: `./frontend/src/${shared}`, from: './frontend/src/app', message: 'Shared code never imports the app.' },
  ]),
  { target: './frontend/src/features', from: './frontend/src/app', message: 'Features never import the app.' },
  // Backend infrastructure never imports a domain module.
  ...['lib', 'http', 'config'].map((infra) => ({
    target: `./backend/src/${infra}`,
    from: './backend/src/modules',
    message: 'Infrastructure (lib, http, config) never imports a domain module.',
  })),
  // The contract both sides share depends on neither.
  ...['backend', 'frontend'].map((side) => ({
    target: './shared',
    from: `./${side}`,
    message: 'The shared contract (@streamhouse/contract) never imports the backend or the frontend.',
  })),
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'backend/src/generated/**',
      'frontend/src/lib/api-schema.ts',
      '.data/**',
      '.tools/**',
      'e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x cannot read imported .ts files, and no-cycle silently sees no cycles.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'frontend/tsconfig.json',
            'backend/tsconfig.json',
            'e2e/tsconfig.json',
            'shared/tsconfig.json',
            'tsconfig.json',
          ],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layoutZones }],
      // `declare global { namespace Express … }` is how Express's Request is extended.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The event schemas are zod: the browser takes only their types, never zod itself.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@streamhouse/contract/events',
              message: 'Import types only (`import type`): zod stays out of the bundle.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules where a forgotten await loses an error: the backend and the scripts that drive it.
    files: ['backend/src/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  prettier,
);
