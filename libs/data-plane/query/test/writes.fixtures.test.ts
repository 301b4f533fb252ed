// The basic write fixtures against a real PostgreSQL (see write.harness.ts).
import { runWriteFixtures } from './write.harness.js';
import { writeFixtures } from './fixtures/writes/index.js';

runWriteFixtures('writes', writeFixtures);
