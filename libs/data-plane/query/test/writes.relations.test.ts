// Relation writes against a real PostgreSQL: every mutation and nested action on every relation
// kind (see fixtures/writes/relations.fixture.ts and write.harness.ts).
import { relationFixtures } from './fixtures/writes/relations.fixture.js';
import { runWriteFixtures } from './write.harness.js';

runWriteFixtures('writes_rel', relationFixtures);
