// Write fixtures for values, errors, rollbacks, cascades and the 1.0 format, against a real
// PostgreSQL (see write.harness.ts): each case runs in a fresh project schema of its own.
import { runWriteFixtures } from './write.harness.js';
import { valuesFixture } from './fixtures/writes/values.fixture.js';

runWriteFixtures('writes_val', { values: valuesFixture });
