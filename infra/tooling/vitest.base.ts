// Shared Vitest settings: every project runs its tests on the source of the workspace libraries
// (the `@refract/source` export condition), and writes a JSON report that `npm test` sums up.
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestUserConfig, type ViteUserConfig } from 'vitest/config';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Only our source condition and 'node': Vitest passes these to its workers as Node --conditions, and
// 'import' there makes CommonJS packages such as pg load their dependencies' ESM builds.
const conditions = ['@refract/source', 'node'];

/** Vitest config for the project whose root is `projectRoot`. */
export function projectTestConfig(projectRoot: string, overrides: TestUserConfig = {}): ViteUserConfig {
  const reportName = projectRoot.slice(workspaceRoot.length + 1).replaceAll('/', '__') || basename(projectRoot);
  return defineConfig({
    root: projectRoot,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['node'] } },
    test: {
      include: ['**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      environment: 'node',
      // A project scaffolded before its first test must not fail the whole run.
      passWithNoTests: true,
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: ['default', ['json', { outputFile: join(workspaceRoot, 'tmp', 'test-results', `${reportName}.json`) }]],
      ...overrides,
    },
  });
}
