// Where a mutation's change events go (the `changes` port of @refract/query): into the events
// table, in the mutation's own transaction, for models someone in the cluster subscribes to. The
// project's event lock is taken right before the insert and held until COMMIT, so ids follow
// commit order; a rolled-back mutation leaves no event and sends no NOTIFY.
import type { ChangePublisher } from '@refract/query';
import { insertEvents, lockProjectEvents } from './event.store.js';
import type { InterestCache } from './event.interest.js';

export function changePublisher(projectId: string, interest: InterestCache): ChangePublisher {
  return {
    wants: (model) => interest.has(projectId, model),
    async publish(session, events) {
      await session.rows(lockProjectEvents(projectId));
      await session.rows(insertEvents(projectId, events));
    },
  };
}
