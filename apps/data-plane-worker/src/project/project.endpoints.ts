// The endpoints under a project's path (spec §1.3 step 5): every one first loads the project
// (3016) and checks the service token (3015), then serves the CRUD API, `/private`, `/_datamodel`,
// or `/import` and `/export` (NdfEndpoints).
import type { GraphQLSchema } from 'graphql';
import type pg from 'pg';
import { executeBatch, executeGraphqlBody, type GraphqlHttpResult } from '../http/graphql-request.js';
import type { ReservedSegment } from '../http/routing.js';
import type { NdfEndpoints } from './ndf.endpoints.js';
import { createPrivateSchema, type PrivateContext } from './private.schema.js';
import type { LoadedProject, ProjectRegistry } from './project.registry.js';
import { INVALID_TOKEN_MESSAGE, ServiceTokenGate } from './service-token.js';

export interface ProjectRequest {
  readonly projectId: string;
  readonly reserved: ReservedSegment | null;
  readonly body: unknown;
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly onInternalError: (error: unknown) => void;
}

export interface ProjectEndpointOptions {
  /** Serve projects deployed without secrets to anyone (Prisma 1's behaviour); off = fail closed. */
  readonly allowPublicProjects: boolean;
  /** `/import` and `/export` (spec §14). */
  readonly ndf: Pick<NdfEndpoints, 'handle'>;
}

export class ProjectEndpoints {
  private readonly privateSchema: GraphQLSchema;
  /** One token gate per loaded project version: it goes away with the version it checks for. */
  private readonly gates = new WeakMap<LoadedProject, ServiceTokenGate>();

  constructor(
    pool: pg.Pool,
    private readonly registry: ProjectRegistry,
    private readonly options: ProjectEndpointOptions,
  ) {
    this.privateSchema = createPrivateSchema(pool);
  }

  gateOf(project: LoadedProject): ServiceTokenGate {
    let gate = this.gates.get(project);
    if (!gate) {
      const { record } = project;
      gate = new ServiceTokenGate({
        secrets: record.secrets,
        requiredService: record.checkServiceClaim ? `${record.service}@${record.stage}` : null,
        allowPublic: this.options.allowPublicProjects,
      });
      this.gates.set(project, gate);
    }
    return gate;
  }

  async handle(request: ProjectRequest): Promise<GraphqlHttpResult> {
    const { projectId, requestId } = request;
    const project = await this.registry.get(projectId);
    if (!project) return { status: 200, body: { errors: [{ message: `Project not found: '${projectId}'`, code: 3016, requestId }] } };
    if (!this.gateOf(project).allows(request.authorization)) {
      return { status: 200, body: { errors: [{ message: INVALID_TOKEN_MESSAGE, code: 3015, requestId }] } };
    }
    const context = { requestId, onInternalError: request.onInternalError };
    switch (request.reserved) {
      case 'private': {
        const privateContext: PrivateContext = { projectId, api: project.api };
        return executeGraphqlBody(this.privateSchema, request.body, privateContext, context);
      }
      case '_datamodel':
        // A JSON string literal (spec §15), so clients parse it like any other response.
        return { status: 200, body: JSON.stringify(project.datamodel) };
      case 'import':
      case 'export':
        return this.options.ndf.handle(request.reserved, project, request.body, requestId);
      case null:
        return executeBatch(request.body, (operation) => project.api.execute(operation, context), context);
    }
  }
}
