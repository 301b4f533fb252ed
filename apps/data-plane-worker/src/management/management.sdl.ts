// The management API schema of Prisma 1.34 (spec §12.1), with its exact type names, descriptions
// and nullability: the CLI's deploy mutation reuses response names across step types, so graphql-js
// only accepts it when these nullabilities match Prisma's.
export const MANAGEMENT_SDL = /* GraphQL */ `
type Query {
  "Shows the status of the next migration in line to be applied to the project. If no such migration exists, it shows the last applied migration."
  migrationStatus(name: String!, stage: String!): Migration!
  "Shows all projects the caller has access to."
  listProjects: [Project!]!
  "Shows all migrations for the project. Debug query, will likely be removed in the future."
  listMigrations(name: String!, stage: String!): [Migration!]!
  "Gets a project by name and stage."
  project(name: String!, stage: String!): Project!
  "Information about the server"
  serverInfo: ServerInfo!
  "generates a token for the given project"
  generateProjectToken(name: String!, stage: String!): String!
  "Information about the cluster, as older CLIs ask for it (an addition; the same data as serverInfo)."
  clusterInfo: ClusterInfo!
}

type Mutation {
  deploy(input: DeployInput!): DeployPayload
  addProject(input: AddProjectInput!): AddProjectPayload
  deleteProject(input: DeleteProjectInput!): DeleteProjectPayload
  setCloudSecret(input: SetCloudSecretInput!): SetCloudSecretPayload
  "Refract addition: settings of a service's API. With checkServiceClaim, service tokens must carry the claim data.service = <service>@<stage>."
  setProjectSettings(input: ProjectSettingsInput!): ProjectSettingsPayload
}
input ProjectSettingsInput { name: String! stage: String! checkServiceClaim: Boolean! clientMutationId: String }
type ProjectSettingsPayload { checkServiceClaim: Boolean! clientMutationId: String }

input DeployInput {
  name: String!
  stage: String!
  types: String!
  dryRun: Boolean
  secrets: [String!]
  subscriptions: [FunctionInput!]
  force: Boolean
  noMigration: Boolean
  clientMutationId: String
}
input FunctionInput { name: String! query: String! url: String! headers: [HeaderInput!]! }
input HeaderInput { name: String! value: String! }

type DeployPayload {
  errors: [SchemaError!]!
  migration: Migration
  warnings: [SchemaWarning!]!
  steps: [MigrationStep!]!
  clientMutationId: String
}

input AddProjectInput { name: String! stage: String! secrets: [String!] clientMutationId: String }
type AddProjectPayload { project: Project clientMutationId: String }
input DeleteProjectInput { name: String! stage: String! clientMutationId: String }
type DeleteProjectPayload { project: Project clientMutationId: String }
input SetCloudSecretInput { secret: String clientMutationId: String }
type SetCloudSecretPayload { clientMutationId: String }

"This is a project"
type Project { name: String! stage: String! datamodel: String! }

"Information about the deployed server"
type ServerInfo { version: String! commit: String! primaryConnector: String! }
"Information about the cluster"
type ClusterInfo { version: String! commit: String! primaryConnector: String! }

"This is a migration"
type Migration {
  projectId: String!
  revision: Int!
  status: String!
  applied: Int!
  rolledBack: Int!
  errors: [String!]!
  startedAt: DateTime
  finishedAt: DateTime
  datamodel: String!
  steps: [MigrationStep!]!
}

"An error that occurred while validating the schema."
type SchemaError { type: String! field: String description: String! }
"A warning created while validating the schema against existing data."
type SchemaWarning { type: String! field: String description: String! }

scalar DateTime

"This is a migration step."
interface MigrationStep { type: String! }
type CreateModel implements MigrationStep { name: String! type: String! }
type DeleteModel implements MigrationStep { name: String! type: String! }
type UpdateModel implements MigrationStep { name: String! newName: String! isEmbedded: Boolean type: String! }
type CreateEnum implements MigrationStep { name: String! values: [String!]! type: String! }
type DeleteEnum implements MigrationStep { name: String! type: String! }
type UpdateEnum implements MigrationStep { name: String! newName: String values: [String!] type: String! }
type CreateField implements MigrationStep {
  model: String! name: String! typeName: String! isRequired: Boolean! isList: Boolean! unique: Boolean!
  enum: String default: String relation: String type: String!
}
type DeleteField implements MigrationStep { model: String! name: String! type: String! }
type UpdateField implements MigrationStep {
  model: String! name: String! newName: String typeName: String isRequired: Boolean isList: Boolean unique: Boolean
  enum: String default: String relation: String type: String!
}
type CreateRelation implements MigrationStep { name: String! leftModel: String! rightModel: String! after: RelationManifestation! type: String! }
type UpdateRelation implements MigrationStep { name: String! newName: String before: RelationManifestation! after: RelationManifestation! type: String! }
type DeleteRelation implements MigrationStep { name: String! type: String! }
type UpdateSecrets implements MigrationStep { message: String! type: String! }

"This stores details about how a relation is manifested in the underlying database."
interface RelationManifestation { type: String! }
"This is a link table."
type LinkTable implements RelationManifestation { table: String! modelAColumn: String! modelBColumn: String! idColumn: String type: String! }
"This is an inline manifestation."
type Inline implements RelationManifestation { model: String! column: String! type: String! }
`;
