import { engineLibrary } from '../../../infra/tooling/eslint.base.mjs';

export default [
  ...engineLibrary,
  {
    // Engine stages do not import each other (only schema-model, sql, shared); tests may build their
    // schemas with the datamodel stage.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@refract/datamodel', message: 'The migration stage plans from schema models; only tests build them from SDL.' }] },
      ],
    },
  },
];
