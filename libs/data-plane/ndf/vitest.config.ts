import { projectTestConfig } from '../../../infra/tooling/vitest.base.ts';

export default projectTestConfig(import.meta.dirname);
