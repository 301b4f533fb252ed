import { projectTestConfig } from './tooling/vitest.base.ts';

export default projectTestConfig(import.meta.dirname);
