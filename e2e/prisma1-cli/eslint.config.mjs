import base from '../../infra/tooling/eslint.base.mjs';

export default [
  ...base,
  {
    // The harness builds the environment of the CLI processes it starts (PATH, TMPDIR), and the
    // offline guard is preloaded into those processes: both read process.env by design.
    files: ['src/prisma1.harness.ts', 'src/offline-guard.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
