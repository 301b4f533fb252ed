// The subscription hub of a worker (spec §9): plans each subscription against the project, makes
// sure the cluster records events for its model, joins the project's event feed (resuming after a
// given event id when asked) and turns each matching event into the subscription's payload, read
// from the database with the same one-statement read compiler queries use. A redeploy ends the
// project's subscriptions with "Schema changed".
import type { Logger } from '@refract/shared';
import type { SqlExecutor } from '@refract/pg-executor';
import { compileRead, equalsFilter, planFilter, type SelectedField } from '@refract/query';
import { idField } from '@refract/schema-model';
import type { SubscriptionMetrics } from '../metrics/subscription.metrics.js';
import type { ApiLimits } from '../project/project.api.js';
import type { LoadedProject, ProjectRegistry } from '../project/project.registry.js';
import type { EventFeed } from './event.feed.js';
import type { InterestCache } from './event.interest.js';
import { lastEventId, type StoredEvent } from './event.store.js';
import { eventMatches } from './subscription.match.js';
import { planSubscription, type SubscriptionPlan } from './subscription.plan.js';
import type { SubscriptionHub, SubscriptionOutcome, SubscriptionRequest, SubscriptionSink } from './subscription.hub.js';

interface Running {
  readonly projectId: string;
  readonly revision: number;
  readonly sink: SubscriptionSink;
  stop(): void;
}

/** Payloads kept per (event, document): subscribers with the same document share one read. */
const SHARED_PAYLOADS = 2000;
/** Deliveries in one turn of the event loop before the fan-out lets I/O (HTTP requests) run. */
const BURST = 200;

export class SubscriptionEngine implements SubscriptionHub {
  private readonly running = new Set<Running>();
  private readonly shared = new Map<string, Promise<Record<string, unknown> | null>>();
  private burst = 0;

  constructor(
    private readonly feed: EventFeed,
    private readonly interest: InterestCache,
    private readonly registry: ProjectRegistry,
    private readonly statements: SqlExecutor,
    private readonly limits: ApiLimits,
    private readonly logger: Logger,
    private readonly metrics?: Pick<SubscriptionMetrics, 'eventDelivered'>,
  ) {
    registry.onInvalidated((projectId) => void this.projectChanged(projectId));
  }

  get size(): number {
    return this.running.size;
  }

  async start(project: LoadedProject, request: SubscriptionRequest, sink: SubscriptionSink, resumeAfter: string | null): Promise<SubscriptionOutcome> {
    if (resumeAfter !== null && !/^\d{1,18}$/.test(resumeAfter)) return { ok: false, errors: [{ message: `The event id '${resumeAfter}' to resume after is not valid.` }] };
    const planned = planSubscription(project.api, request, this.limits);
    if (!planned.ok) return planned;
    const { plan } = planned;
    const document = `${project.revision}\u0000${request.operationName ?? ''}\u0000${request.query}\u0000${JSON.stringify(request.variables ?? {})}`;
    const projectId = project.record.id;
    // Events recorded from here on reach this subscription, through replay or live delivery.
    // Without a resume point, delivery starts after the newest event before the start.
    const from = resumeAfter ?? ((await this.statements.rows(lastEventId(projectId)))[0]?.id as string | undefined) ?? null;
    const release = await this.interest.hold(projectId, plan.model.name);
    let queue = Promise.resolve();
    let stopped = false;
    const deliver = (event: StoredEvent) => {
      if (event.model !== plan.model.name) return;
      queue = queue.then(async () => {
        if (stopped) return;
        const result = await this.sharedPayload(`${event.id}\u0000${document}`, () => this.payload(project, plan, event));
        if (result === null || stopped) return;
        await this.pace();
        if (stopped) return;
        sink.next(result, event.id);
        this.metrics?.eventDelivered(projectId, Date.now() - event.writtenAt);
      }).catch((error: unknown) => this.logger.warn({ err: error, projectId }, 'could not deliver a subscription event'));
    };
    let leave: () => void;
    try {
      leave = await this.feed.join(projectId, deliver, from);
    } catch (error) {
      release();
      throw error;
    }
    const running: Running = {
      projectId,
      revision: project.revision,
      sink,
      stop: () => {
        if (stopped) return;
        stopped = true;
        leave();
        release();
        this.running.delete(running);
      },
    };
    this.running.add(running);
    return { ok: true, handle: { stop: running.stop } };
  }

  /**
   * Spreads a large fan-out over turns of the event loop: after BURST deliveries the next ones wait
   * for `setImmediate`, so HTTP requests of the same worker are served in between instead of
   * waiting for a thousand socket writes. Each subscription still receives its events in order.
   */
  private async pace(): Promise<void> {
    for (;;) {
      if (this.burst === 0) setImmediate(() => (this.burst = 0));
      if (++this.burst <= BURST) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * One read per event and document however many subscribers share it: with a thousand
   * subscribers of the same subscription, an event costs one query, not a thousand.
   */
  private sharedPayload(key: string, make: () => Promise<Record<string, unknown> | null>): Promise<Record<string, unknown> | null> {
    let payload = this.shared.get(key);
    if (!payload) {
      payload = make();
      this.shared.set(key, payload);
      if (this.shared.size > SHARED_PAYLOADS) this.shared.delete(this.shared.keys().next().value!);
      payload.catch(() => this.shared.delete(key));
    }
    return payload;
  }

  /** A redeploy (new revision) or delete ends the project's subscriptions; secrets changes do not. */
  private async projectChanged(projectId: string): Promise<void> {
    const affected = [...this.running].filter((r) => r.projectId === projectId);
    if (affected.length === 0) return;
    const project = await this.registry.get(projectId).catch(() => null);
    for (const running of affected) {
      if (project !== null && project.revision === running.revision) continue;
      running.stop();
      running.sink.schemaChanged();
    }
  }

  /** The subscription's result for one event, or null when the event does not pass its filter. */
  private async payload(project: LoadedProject, plan: SubscriptionPlan, event: StoredEvent): Promise<Record<string, unknown> | null> {
    const { schema, schemaName } = project.api;
    const id = idField(plan.model);
    const read = async (selection: readonly SelectedField[], filter: Readonly<Record<string, unknown>> | null) => {
      const idFilter = equalsFilter(id, event.nodeId);
      const where = filter === null ? idFilter : { kind: 'and' as const, filters: [idFilter, planFilter(schema, plan.model, filter)!] };
      const args = { filter: where, orderBy: null, skip: 0, first: null, last: null, after: null, before: null };
      const text = await this.statements.readJson(compileRead({ kind: 'findMany', model: plan.model, args, selection }, { schema, schemaName }));
      return (JSON.parse(text ?? '[]') as unknown[])[0] ?? null;
    };
    const idOnly: SelectedField[] = [{ key: 'id', kind: 'scalar', field: id }];
    if (!(await eventMatches(plan.where, event, async (filter) => (await read(idOnly, filter)) !== null))) return null;
    const value: Record<string, unknown> = {};
    for (const field of plan.payload) {
      switch (field.kind) {
        case 'typename':
          value[field.key] = field.typename;
          break;
        case 'mutation':
          value[field.key] = event.mutation;
          break;
        case 'updatedFields':
          value[field.key] = event.mutation === 'UPDATED' ? event.updatedFields : null;
          break;
        case 'node': {
          if (event.mutation === 'DELETED') {
            value[field.key] = null;
            break;
          }
          const node = await read(field.selection, null);
          // The node is gone again (deleted since): nothing to report (spec §9.6).
          if (node === null) return null;
          value[field.key] = node;
          break;
        }
        case 'previousValues': {
          const previous = event.previousValues;
          value[field.key] = previous === null ? null : Object.fromEntries(field.fields.map(([key, name]) => [key, name === '__typename' ? field.typename : (previous[name] ?? null)]));
          break;
        }
      }
    }
    return { data: { [plan.key]: value } };
  }
}
