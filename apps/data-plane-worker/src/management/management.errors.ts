// Management API errors with Prisma 1's codes and messages (spec §10.3). Each is raised by a
// resolver and rendered once by the GraphQL layer as `{message, code, requestId}`.
import { RefractError } from '@refract/shared';

export type ManagementCode = 3015 | 3017 | 3018 | 4000 | 4001 | 4002 | 4004 | 4005 | 4006 | 4007 | 4008;

export class ManagementError extends RefractError<`MANAGEMENT_${ManagementCode}`> {
  readonly code: `MANAGEMENT_${ManagementCode}`;

  constructor(
    readonly prismaCode: ManagementCode,
    message: string,
  ) {
    super(message);
    this.code = `MANAGEMENT_${prismaCode}`;
  }
}

export const errors = {
  invalidToken: (reason: string) => new ManagementError(3015, `Authentication token is invalid: ${reason}`),
  invalidQuery: (message: string) => new ManagementError(3017, message),
  projectNotFound: (name: string, stage: string) => new ManagementError(4000, `No service with name '${name}' and stage '${stage}' found`),
  invalidServiceName: (name: string) =>
    new ManagementError(4001, `${name} is not a valid name for a service name. It must start with a letter and may contain up to 30 letters, numbers, underscores and hyphens.`),
  invalidStageName: (stage: string) =>
    new ManagementError(4002, `${stage} is not a valid name for a service stage. It must start with a letter and may contain up to 30 letters, numbers, underscores and hyphens.`),
  updatedRelationAmbiguous: (message: string) => new ManagementError(3018, message),
  relationNameNeeded: (message: string) => new ManagementError(4004, message),
  projectExists: (name: string, stage: string) => new ManagementError(4005, `Service with name '${name}' and stage '${stage}' already exists`),
  reservedServiceName: (name: string) => new ManagementError(4006, `Service name ${name} is reserved. Please choose a different name.`),
  reservedStageName: (stage: string) => new ManagementError(4007, `Stage name ${stage} is reserved. Please choose a different stage name.`),
  deploymentInProgress: () =>
    new ManagementError(
      4008,
      'You can not deploy to a service stage while there is a deployment in progress or a pending deployment scheduled already. Please try again after the deployment finished.',
    ),
};
