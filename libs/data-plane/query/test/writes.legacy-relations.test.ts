// Relation writes on a datamodel 1.0 project against a real PostgreSQL: every relation kind through
// its link table, the spec §8.7 checks, top-level mutations and cascades, each step followed by the
// link rows, `_RelayId` rows and hidden `updatedAt` bumps it left (fixtures/writes/relations.legacy.fixture.ts).
import { legacyRelationFixtures } from './fixtures/writes/relations.legacy.fixture.js';
import { runWriteFixtures } from './write.harness.js';

runWriteFixtures('writes_leg', legacyRelationFixtures);
