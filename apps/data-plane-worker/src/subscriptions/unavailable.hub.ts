// Stand-in for the subscription engine until it lands: the socket side works end to end
// (upgrade, protocol, authentication, limits) and every subscription is refused with this message.
import type { SubscriptionHub } from './subscription.hub.js';

export const SUBSCRIPTIONS_UNAVAILABLE_MESSAGE = 'Subscriptions are not served by this worker version yet.';

export const unavailableHub: SubscriptionHub = {
  start: () => Promise.resolve({ ok: false, errors: [{ message: SUBSCRIPTIONS_UNAVAILABLE_MESSAGE }] }),
};
