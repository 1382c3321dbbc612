import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import { webLayerBoundaries } from './apps/web/eslint-layers.mjs';

/**
 * Boundaries are enforced, not decorative: the web app can never import the API, the
 * shared libs import nothing but each other, and contracts import nothing at all.
 */
const depConstraints = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
];

/**
 * Boundaries inside the API: each folder of apps/api/src is a module whose `index.ts` is its
 * public surface. A file may reach into its own folder (`./dto/x`) but never into another
 * module's files (`../accounts/accounts.service`): it imports `../accounts`. The entry points
 * beside the folders (`main.ts`, `cli.ts`, ...) import modules the same way (`./cli/index`
 * where a file of the same name would shadow the folder). apps/api/test/import-boundaries
 * .spec.ts proves these rules bite.
 */
const deepImportIntoAnotherModule = {
  regex: '^(\\.\\./)+[^./][^/]*/',
  message: 'Import another module through its index (`../accounts`), not a file inside it.',
};
const deepImportFromEntryPoint = {
  regex: '^\\./[^/]+/(?!index$)',
  message: 'Import a module through its index (`./accounts`), not a file inside it.',
};
/** `common/` is shared by every module, so it may depend on none of them (i18n aside). */
const commonReachesOut = {
  regex: '^\\.\\./(?!i18n$)',
  message: '`common/` must not depend on a domain module or `web/`; move the shared bit here.',
};
const apiBoundaries = (...patterns) => ['error', { patterns }];

export default [
  {
    ignores: [
      '**/jest.config.cjs',
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/coverage',
      '**/.data',
      'bench/results',
      'infra/**/.terraform',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
          banTransitiveDependencies: false,
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Type-aware rules: the mistakes types can see (a promise nobody awaits, a promise where
    // a callback must return nothing, an await on a plain value, a cast that changes nothing).
    files: ['apps/api/**/*.ts', 'apps/web/**/*.ts', 'apps/web/**/*.tsx', 'libs/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/restrict-template-expressions': 'error',
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/test/**/*.ts',
      '**/e2e/**/*.ts',
      'tools/**',
      'bench/**',
      'scripts/**',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...webLayerBoundaries,
  {
    files: ['apps/api/src/**/*.ts'],
    rules: { 'no-restricted-imports': apiBoundaries(deepImportIntoAnotherModule) },
  },
  {
    files: ['apps/api/src/*.ts'],
    rules: {
      'no-restricted-imports': apiBoundaries(deepImportIntoAnotherModule, deepImportFromEntryPoint),
    },
  },
  {
    files: ['apps/api/src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': apiBoundaries(deepImportIntoAnotherModule, commonReachesOut),
    },
  },
  prettier,
];
