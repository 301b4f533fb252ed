// Prisma 1's `userFriendlyTypeName`: the SDL spelling of a field's type, as the management API
// reports it (spec §12.2) — `ID` for cuids, `Enum` for every enum, the related model for relations.
import type { Field } from '@refract/schema-model';

export function userFriendlyTypeName(field: Field): string {
  if (field.kind === 'relation') return field.relatedModel;
  return field.type === 'Cuid' ? 'ID' : field.type;
}

/** The SDL type of a field as a user wrote it (`[String!]!`, `Role`, `User!`), for reasons. */
export function sdlType(field: Field): string {
  const named = field.kind === 'scalar' && field.type === 'Enum' && field.enum ? field.enum : userFriendlyTypeName(field);
  if (field.isList) return field.isRequired ? `[${named}!]!` : `[${named}!]`;
  return field.isRequired ? `${named}!` : named;
}
