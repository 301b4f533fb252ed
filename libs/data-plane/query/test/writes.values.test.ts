// Write fixtures for values, errors, rollbacks, cascades and the 1.0 format, against a real
// PostgreSQL (see write.harness.ts): each case runs in a fresh project schema of its own.
// Not covered: `executeRaw` — `Engine.create` builds the API schema without `rawAccess`, so the
// field does not exist in the fixture schemas.
import { cascadeFixture } from './fixtures/writes/cascade.fixture.js';
import { errorsFixture, requiredRelationFixture } from './fixtures/writes/errors.fixture.js';
import { legacyWritesFixture } from './fixtures/writes/legacy-writes.fixture.js';
import { rollbackFixture } from './fixtures/writes/rollback.fixture.js';
import { valuesFixture } from './fixtures/writes/values.fixture.js';
import { runWriteFixtures } from './write.harness.js';

runWriteFixtures('writes_val', {
  values: valuesFixture,
  errors: errorsFixture,
  required: requiredRelationFixture,
  rollback: rollbackFixture,
  cascade: cascadeFixture,
  legacy: legacyWritesFixture,
});
