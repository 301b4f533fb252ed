// Questions about a parsed datamodel that several rules and the inferrer ask.
import type { DatamodelDocument, DocArgument, DocDirective, DocField, DocType } from './document.model.js';

/** The built-in scalar names of the SDL (spec §2.1). */
export const SCALAR_TYPE_NAMES: ReadonlySet<string> = new Set([
  'ID',
  'String',
  'Int',
  'Float',
  'Boolean',
  'DateTime',
  'Json',
  'UUID',
]);

export function directive(owner: { readonly directives: readonly DocDirective[] }, name: string): DocDirective | undefined {
  return owner.directives.find((d) => d.name === name);
}

export function hasDirective(owner: { readonly directives: readonly DocDirective[] }, name: string): boolean {
  return owner.directives.some((d) => d.name === name);
}

export function argument(d: DocDirective | undefined, name: string): DocArgument | undefined {
  return d?.arguments.find((a) => a.name === name);
}

/** The string value of a directive argument, if it is given as a string. */
export function stringArgument(
  owner: { readonly directives: readonly DocDirective[] },
  directiveName: string,
  argumentName: string,
): string | undefined {
  const value = argument(directive(owner, directiveName), argumentName)?.value;
  return value?.kind === 'string' ? value.value : undefined;
}

/** The enum-literal value of a directive argument (`link: INLINE`). */
export function enumArgument(
  owner: { readonly directives: readonly DocDirective[] },
  directiveName: string,
  argumentName: string,
): string | undefined {
  const value = argument(directive(owner, directiveName), argumentName)?.value;
  return value?.kind === 'enum' ? value.value : undefined;
}

// Name indexes, built once per document: rules and the inferrer look types up for every field,
// and a linear scan makes a 2,000-type datamodel quadratic.
const indexes = new WeakMap<DatamodelDocument, { types: Map<string, DocType>; enums: Set<string> }>();

function indexOf(doc: DatamodelDocument) {
  let index = indexes.get(doc);
  if (!index) {
    const types = new Map<string, DocType>();
    for (const t of doc.types) if (!types.has(t.name)) types.set(t.name, t);
    index = { types, enums: new Set(doc.enums.map((e) => e.name)) };
    indexes.set(doc, index);
  }
  return index;
}

/** The first type declared with this name. */
export function findType(doc: DatamodelDocument, name: string): DocType | undefined {
  return indexOf(doc).types.get(name);
}

export function isEnumName(doc: DatamodelDocument, name: string): boolean {
  return indexOf(doc).enums.has(name);
}

export function isScalarField(field: DocField): boolean {
  return SCALAR_TYPE_NAMES.has(field.typeName);
}

/** A relation field points at a declared object type that is not a `@relationTable` type. */
export function isRelationField(doc: DatamodelDocument, field: DocField): boolean {
  const target = findType(doc, field.typeName);
  return target !== undefined && !isRelationTableType(target);
}

export function isRelationTableType(type: DocType): boolean {
  return hasDirective(type, 'relationTable');
}

/** The types that become models: every object type except `@relationTable` types. */
export function modelTypes(doc: DatamodelDocument): DocType[] {
  return doc.types.filter((t) => !isRelationTableType(t));
}

export function relationName(field: DocField): string | undefined {
  return stringArgument(field, 'relation', 'name');
}
