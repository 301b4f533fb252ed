// `POST …/export` and `…/import` (spec §14), after the project (3016) and service-token (3015)
// checks of ProjectEndpoints: the body goes to @refract/ndf with the API pool as its ports — an
// export page's statements on the pool, an import request in ONE transaction on one connection.
// A body that is not an export or import request is HTTP 500 (spec §10.1); a statement cancelled
// by QUERY_TIMEOUT_MS is Prisma's 1000, as on the API.
import { DatabaseError, classifyDatabaseError, query, transaction } from '@refract/pg-executor';
import { NDF_LIMITS, NdfError, exportNdf, importNdf, type NdfLimits, type RunStatement, type RunTransaction } from '@refract/ndf';
import { queryErrors } from '@refract/query';
import type pg from 'pg';
import type { GraphqlHttpResult } from '../http/graphql-request.js';
import type { LoadedProject } from './project.registry.js';

export type NdfEndpoint = 'import' | 'export';

export class NdfEndpoints {
  private readonly run: RunStatement;
  private readonly transaction: RunTransaction;

  constructor(
    pool: pg.Pool,
    private readonly limits: NdfLimits = NDF_LIMITS,
  ) {
    this.run = (statement) => query(pool, statement);
    this.transaction = (work) => transaction(pool, (client) => work((statement) => query(client, statement)));
  }

  async handle(endpoint: NdfEndpoint, project: LoadedProject, body: unknown, requestId: string): Promise<GraphqlHttpResult> {
    const { schema, record } = project;
    try {
      // The export's body is JSON text built from PostgreSQL's element texts; the import's an array of strings.
      if (endpoint === 'export') return { status: 200, body: await exportNdf(schema, record.id, body, this.run, this.limits) };
      return { status: 200, body: await importNdf(schema, record.id, body, this.transaction) };
    } catch (error) {
      if (error instanceof NdfError) return { status: 500, body: { errors: [{ message: error.message, requestId }] } };
      const classified = classifyDatabaseError(error);
      if (classified instanceof DatabaseError && classified.kind === 'timeout') {
        const timeout = queryErrors.timeout();
        return { status: 200, body: { errors: [{ message: timeout.message, code: timeout.prismaCode, requestId }] } };
      }
      throw error;
    }
  }
}
