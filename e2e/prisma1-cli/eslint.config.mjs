import base from '../../infra/tooling/eslint.base.mjs';

export default [
  ...base,
  {
    // The harness builds the environment of the CLI processes it starts (PATH, TMPDIR), the worker
    // helpers that of `nx build` and of the worker process (PATH), and the offline guard is preloaded
    // into the CLI's processes: all of them read process.env by design.
    files: ['src/prisma1.harness.ts', 'src/worker.process.ts', 'src/offline-guard.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
