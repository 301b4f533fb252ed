// The endpoints under a project's path (spec §1.3 step 5): every one first loads the project
// (3016) and checks the service token (3015). The generated CRUD API arrives with issue 4.
import type { GraphQLSchema } from 'graphql';
import type pg from 'pg';
import { executeGraphqlBody, type GraphqlHttpResult } from '../http/graphql-request.js';
import type { ReservedSegment } from '../http/routing.js';
import type { ManagementRepository } from '../store/management.repository.js';
import { createPrivateSchema, type PrivateContext } from './private.schema.js';
import { INVALID_TOKEN_MESSAGE, isServiceTokenValid } from './service-token.js';

export interface ProjectRequest {
  readonly projectId: string;
  readonly reserved: ReservedSegment | null;
  readonly body: unknown;
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly onInternalError: (error: unknown) => void;
}

export class ProjectEndpoints {
  private readonly privateSchema: GraphQLSchema;

  constructor(
    pool: pg.Pool,
    private readonly repository: ManagementRepository,
  ) {
    this.privateSchema = createPrivateSchema(pool);
  }

  async handle(request: ProjectRequest): Promise<GraphqlHttpResult> {
    const { projectId, requestId } = request;
    const project = await this.repository.findProject(projectId);
    if (!project) return { status: 200, body: { errors: [{ message: `Project not found: '${projectId}'`, code: 3016, requestId }] } };
    if (!isServiceTokenValid(request.authorization, project.secrets)) {
      return { status: 200, body: { errors: [{ message: INVALID_TOKEN_MESSAGE, code: 3015, requestId }] } };
    }
    switch (request.reserved) {
      case 'private': {
        const context: PrivateContext = { projectId };
        return executeGraphqlBody(this.privateSchema, request.body, context, { requestId, onInternalError: request.onInternalError });
      }
      case '_datamodel':
        // A JSON string literal (spec §15), so clients parse it like any other response.
        return { status: 200, body: JSON.stringify((await this.repository.activeMigration(projectId))?.datamodel ?? '') };
      case 'import':
      case 'export':
      case null:
        return {
          status: 200,
          body: { errors: [{ message: `This endpoint of the project '${projectId}' is not served by this worker version yet.`, requestId }] },
        };
    }
  }
}
