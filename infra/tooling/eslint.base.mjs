// The one ESLint flat config of the repository; every project's eslint.config.mjs re-exports it.
// The Nx module-boundary rule below encodes the dependency rules of ARCHITECTURE.md §3 as tags:
//   scope:*  which plane a project belongs to      type:*  app, lib, e2e or tooling
//   layer:engine  data-plane engine libraries, which must stay framework-free.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Frameworks the engine must never import (ARCHITECTURE.md §3). */
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'bullmq', 'next', 'next/*', 'react', 'react-dom', 'react/*'];

export const depConstraints = [
  // Apps import libs, never the reverse; nothing imports an app.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib'] },
  // Planes: shared code depends on nothing of ours; contracts only on shared; the data plane
  // never imports the control plane; the console only contracts and browser-safe shared code.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:shared'] },
  { sourceTag: 'scope:data-plane', onlyDependOnLibsWithTags: ['scope:data-plane', 'scope:contracts', 'scope:shared'] },
  {
    sourceTag: 'scope:control-plane',
    onlyDependOnLibsWithTags: ['scope:control-plane', 'scope:contracts', 'scope:shared'],
  },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:contracts', 'platform:browser'] },
  // The engine is pure: no framework, whatever plane uses it.
  { sourceTag: 'layer:engine', bannedExternalImports: FRAMEWORKS },
];

const base = [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.next/**', '**/tmp/**', '**/.data/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints, banTransitiveDependencies: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @refract/shared config (ARCHITECTURE.md §4).' },
      ],
    },
  },
  {
    // Config files, tests and benchmarks set up their process; they may read the environment.
    files: ['**/vitest.config.ts', '**/*.test.ts', '**/test/**', '**/bench/**'],
    // Tests read JSON responses of arbitrary shape; `any` there keeps assertions readable.
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A project's config files point at the shared tooling by path; they are not code of the project.
    files: ['**/eslint.config.mjs', '**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];

export default base;

/**
 * Data-plane engine libraries (their eslint.config.mjs exports this). Nx bans external imports only
 * for packages in its graph (installed ones); this also fails an engine file that imports a
 * framework the workspace does not install yet.
 */
export const engineLibrary = [
  ...base,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'Engine libraries import no framework (ARCHITECTURE.md §3).' }] },
      ],
    },
  },
];

/** Repository tooling (`infra/`): scripts that bootstrap processes read the environment directly. */
export const tooling = [...base, { rules: { 'no-restricted-properties': 'off' } }];
