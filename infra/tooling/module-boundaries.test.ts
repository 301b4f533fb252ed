// The dependency rules of ARCHITECTURE.md §3 are only real if lint fails when code breaks them.
// Each case lints a small file placed (virtually) inside a project and checks the verdict.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Lints `code` as a file of `project`, with the project's own ESLint config, as `npm test` does. */
async function boundaryErrors(project: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: join(root, project) });
  const [result] = await eslint.lintText(code, { filePath: join(root, project, 'src/boundary-probe.ts') });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('module boundaries (ARCHITECTURE.md §3)', () => {
  it('lets an engine library import the engine and shared libraries', async () => {
    const errors = await boundaryErrors(
      'libs/data-plane/datamodel',
      "import { createCuid } from '@refract/schema-model';\nexport const id = createCuid();\n",
    );
    expect(errors).toEqual([]);
  });

  it('fails when shared code imports a data-plane library', async () => {
    const errors = await boundaryErrors('libs/shared', "import { buildSchema } from '@refract/datamodel';\nexport const b = buildSchema;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/tagged with "scope:shared" can only depend on libs tagged with "scope:shared"/);
  });

  it('fails when an engine library imports a framework', async () => {
    for (const framework of ['@nestjs/common', 'typeorm', 'bullmq', 'react']) {
      const errors = await boundaryErrors('libs/data-plane/schema-model', `import x from '${framework}';\nexport const y = x;\n`);
      expect(errors, framework).toHaveLength(1);
      expect(errors[0]).toMatch(/imports banned external module|Engine libraries import no framework/);
    }
  });

  it('fails when a project reaches into another by relative path', async () => {
    const errors = await boundaryErrors(
      'libs/data-plane/schema-model',
      "import { buildSchema } from '../../datamodel/src/index.js';\nexport const b = buildSchema;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });
});
