// The executable management API: Prisma 1's schema (management.sdl.ts) with thin resolvers that
// authorise, call one service method and shape the result (STYLE.md 2).
import type { GraphQLInterfaceType, GraphQLObjectType, GraphQLScalarType} from 'graphql';
import { buildSchema, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { ManagementContext } from '../http/server.js';
import type { MigrationRecord, ProjectRecord } from '../store/management.repository.js';
import { authorizeManagement, type ManagementTarget } from './management.auth.js';
import { MANAGEMENT_SDL } from './management.sdl.js';
import type { ManagementService } from './management.service.js';

/** The deploy mutation, implemented by the deploy service. */
export interface DeployPort {
  deploy(input: DeployInput, context: ManagementContext): Promise<unknown>;
  /** Renders stored steps for the API (spec §12.2). */
  renderSteps(migration: MigrationRecord): Promise<unknown[]>;
}

export interface DeployInput {
  readonly name: string;
  readonly stage: string;
  readonly types: string;
  readonly dryRun?: boolean | null;
  readonly force?: boolean | null;
  readonly secrets?: readonly string[] | null;
  readonly noMigration?: boolean | null;
  readonly clientMutationId?: string | null;
}

export interface ManagementSchemaOptions {
  readonly service: ManagementService;
  readonly deploy: DeployPort;
  readonly managementSecret: string | undefined;
  readonly serverInfo: { readonly version: string; readonly commit: string };
}

type Resolver = GraphQLFieldResolver<unknown, ManagementContext, Record<string, unknown>>;

export function createManagementSchema(options: ManagementSchemaOptions): GraphQLSchema {
  const { service, deploy, managementSecret } = options;
  const schema = buildSchema(MANAGEMENT_SDL);
  const authorize = (context: ManagementContext, target: ManagementTarget) => authorizeManagement(context.authorization, managementSecret, target);
  const projectView = async (project: ProjectRecord) => ({ name: project.service, stage: project.stage, datamodel: await service.datamodel(project) });
  const migrationView = (migration: MigrationRecord) => ({ ...migration, steps: () => deploy.renderSteps(migration) });

  const query: Record<string, Resolver> = {
    // Never authenticated: the CLI probes the server with it before it knows whether auth is on.
    serverInfo: () => ({ ...options.serverInfo, primaryConnector: 'postgres' }),
    clusterInfo: () => ({ ...options.serverInfo, primaryConnector: 'postgres' }),
    listProjects: async (_, __, context) => {
      authorize(context, null);
      return (await service.listProjects()).map(({ project, datamodel }) => ({ name: project.service, stage: project.stage, datamodel }));
    },
    project: async (_, { name, stage }, context) => {
      authorize(context, { service: String(name), stage: String(stage) });
      return projectView(await service.requireProject(String(name), String(stage)));
    },
    migrationStatus: async (_, { name, stage }, context) => {
      authorize(context, { service: String(name), stage: String(stage) });
      return migrationView(await service.migrationStatus(String(name), String(stage)));
    },
    listMigrations: async (_, { name, stage }, context) => {
      authorize(context, { service: String(name), stage: String(stage) });
      return (await service.listMigrations(String(name), String(stage))).map(migrationView);
    },
    generateProjectToken: async (_, { name, stage }, context) => {
      authorize(context, { service: String(name), stage: String(stage) });
      return service.generateProjectToken(String(name), String(stage));
    },
  };

  const mutation: Record<string, Resolver> = {
    deploy: async (_, { input }, context) => {
      const deployInput = input as DeployInput;
      authorize(context, { service: deployInput.name, stage: deployInput.stage });
      return deploy.deploy(deployInput, context);
    },
    addProject: async (_, { input }, context) => {
      const { name, stage, secrets, clientMutationId } = input as { name: string; stage: string; secrets?: string[] | null; clientMutationId?: string };
      authorize(context, { service: name, stage });
      const project = await service.addProject(name, stage, secrets ?? []);
      return { project: await projectView(project), clientMutationId };
    },
    deleteProject: async (_, { input }, context) => {
      const { name, stage, clientMutationId } = input as { name: string; stage: string; clientMutationId?: string };
      authorize(context, { service: name, stage });
      const project = await service.deleteProject(name, stage);
      return { project: { name: project.service, stage: project.stage, datamodel: '' }, clientMutationId };
    },
    setProjectSettings: async (_, { input }, context) => {
      const { name, stage, checkServiceClaim, clientMutationId } = input as { name: string; stage: string; checkServiceClaim: boolean; clientMutationId?: string };
      authorize(context, { service: name, stage });
      await service.updateSettings(name, stage, { checkServiceClaim });
      return { checkServiceClaim, clientMutationId };
    },
    // Prisma Cloud secrets mean nothing to a self-hosted cluster; accepted and ignored like Prisma 1's local image.
    setCloudSecret: (_, { input }, context) => {
      authorize(context, null);
      return { clientMutationId: (input as { clientMutationId?: string }).clientMutationId };
    },
  };

  attachResolvers(schema.getType('Query') as GraphQLObjectType, query);
  attachResolvers(schema.getType('Mutation') as GraphQLObjectType, mutation);
  // Steps and manifestations carry their GraphQL type name in `type` (spec §12.2).
  for (const name of ['MigrationStep', 'RelationManifestation']) {
    (schema.getType(name) as GraphQLInterfaceType).resolveType = (value: { type: string }) => value.type;
  }
  const dateTime = schema.getType('DateTime') as GraphQLScalarType;
  dateTime.serialize = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  return schema;
}

function attachResolvers(type: GraphQLObjectType, resolvers: Record<string, Resolver>): void {
  for (const [name, field] of Object.entries(type.getFields())) {
    const resolver = resolvers[name];
    if (!resolver) throw new Error(`No resolver for ${type.name}.${name}`);
    field.resolve = resolver;
  }
}
