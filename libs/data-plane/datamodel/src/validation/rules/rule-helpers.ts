// Questions several validation rules ask that the document queries do not answer, kept here so the
// rules read as Prisma 1's checks do (DataModelValidatorImpl, LegacyDataModelValidator).
import type {
  DatamodelDocument,
  DocDirective,
  DocField,
  DocType,
  DocValue,
  SourcePosition,
} from '../../document/document.model.js';
import {
  argument,
  enumArgument,
  findType,
  isEnumName,
  relationName,
  SCALAR_TYPE_NAMES,
  stringArgument,
} from '../../document/document.queries.js';

export interface FieldOfType {
  readonly type: DocType;
  readonly field: DocField;
}

/** Every field of the given types, with the type that declares it, in document order. */
export function fieldsOf(types: readonly DocType[]): FieldOfType[] {
  return types.flatMap((type) => type.fields.map((field) => ({ type, field })));
}

/** A built-in scalar or a declared enum: the fields that hold values rather than relations. */
export function isScalarOrEnumField(doc: DatamodelDocument, field: DocField): boolean {
  return SCALAR_TYPE_NAMES.has(field.typeName) || isEnumName(doc, field.typeName);
}

export function isSelfRelation(type: DocType, field: DocField): boolean {
  return field.typeName === type.name;
}

/**
 * The name Prisma puts into relation messages and groups relation directives by: the `oldName`
 * during a relation rename, else the `name`.
 */
export function previousRelationName(field: DocField): string | undefined {
  return stringArgument(field, 'relation', 'oldName') ?? relationName(field);
}

/**
 * Prisma's `relationCount`: how many fields between the two models carry the same relation name as
 * `field` (unnamed fields count with unnamed ones). For a self relation only the model's fields
 * pointing at itself are counted, once.
 */
export function relationCount(doc: DatamodelDocument, type: DocType, field: DocField): number {
  const other = findType(doc, field.typeName);
  if (!other) return 0;
  const name = relationName(field);
  const onOther = other.fields.filter((f) => f.typeName === type.name);
  const candidates = isSelfRelation(type, field)
    ? onOther
    : [...type.fields.filter((f) => f.typeName === field.typeName), ...onOther];
  return candidates.filter((f) => relationName(f) === name).length;
}

/** The `link` of a relation field, as the enum literal the inferrer reads. */
export function linkOf(field: DocField): string | undefined {
  return enumArgument(field, 'relation', 'link');
}

/**
 * Prisma's type code for a field, as used in default-value messages (`GraphQLID` for `ID`, `Enum`
 * for enums, the scalar name otherwise).
 */
export function typeCode(doc: DatamodelDocument, field: DocField): string {
  if (isEnumName(doc, field.typeName)) return 'Enum';
  return field.typeName === 'ID' ? 'GraphQLID' : field.typeName;
}

const INT_32_MIN = -2147483648;
const INT_32_MAX = 2147483647;

/** Int columns are 32-bit (spec §2.1), so a literal outside that range can never be stored. */
export function isInt32(text: string): boolean {
  if (!/^-?(0|[1-9]\d*)$/.test(text)) return false;
  const value = Number(text);
  return value >= INT_32_MIN && value <= INT_32_MAX;
}

/** A GraphQL Int or Float literal, the forms Prisma's legacy string converter accepts for Float. */
export function isNumberLiteral(text: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text);
}

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// The ISO-8601 shapes Joda's parser (which Prisma uses for DateTime) accepts: a year, optionally a
// month and day, optionally a time down to fractions of a second and an offset.
const ISO_DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?(\d{2}))?)?)?$/;

/** Whether `text` is an ISO-8601 date-time that names a real instant (no 31 February). */
export function isIsoDateTime(text: string): boolean {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return false;
  const [, year = '', month = '1', day = '1', hour = '0', minute = '0', second = '0', offsetMinutes = '0'] = match;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) return false;
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59 && Number(offsetMinutes) <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Prisma's wrong-format message for scalar fields (DeployErrors.invalidScalarType), including the
 * backtick missing at the very end.
 */
export function scalarWrongFormat(field: DocField): string {
  const t = field.typeName;
  return `The scalar field \`${field.name}\` has the wrong format: \`${field.typeString}\` Possible Formats: \`${t}\`, \`${t}!\`, \`[${t}!]\` or \`[${t}!]!`;
}

/** Checks one argument value; returns Prisma's message when it is not acceptable. */
export type ArgumentCheck = (value: DocValue) => string | undefined;

export const mustBeString: ArgumentCheck = (v) => (v.kind === 'string' ? undefined : 'This argument must be a String.');
export const mustBeInt: ArgumentCheck = (v) => (v.kind === 'int' ? undefined : 'This argument must be an Int.');
export const anyValue: ArgumentCheck = () => undefined;

/**
 * An enum-valued argument. Prisma also accepts the value as a string (`"CASCADE"`); we require the
 * enum literal, because that is the only form the inferrer reads.
 */
export function mustBeOneOf(values: readonly string[], message: string): ArgumentCheck {
  return (v) => (v.kind === 'enum' && values.includes(v.value) ? undefined : message);
}

/** The arguments a directive takes: required ones first, as Prisma reports them. */
export interface DirectiveArguments {
  readonly required: Readonly<Record<string, ArgumentCheck>>;
  readonly optional: Readonly<Record<string, ArgumentCheck>>;
}

export interface ArgumentProblem {
  readonly description: string;
  readonly position: SourcePosition;
}

/**
 * The problems of one directive's arguments: a missing required argument (described by `missing`)
 * at the directive, a badly typed one at the argument. Unknown arguments are ignored, as in Prisma.
 * The 1.0 validator treats a required argument of the wrong type as missing (`wrongTypeIsMissing`).
 */
export function argumentProblems(
  d: DocDirective,
  spec: DirectiveArguments,
  missing: (argument: string) => string,
  { wrongTypeIsMissing = false } = {},
): ArgumentProblem[] {
  const problems: ArgumentProblem[] = [];
  for (const [name, check] of Object.entries(spec.required)) {
    const given = argument(d, name);
    const wrong = given && check(given.value);
    if (!given || (wrong && wrongTypeIsMissing)) problems.push({ description: missing(name), position: d.position });
    else if (wrong) problems.push({ description: wrong, position: given.position });
  }
  for (const [name, check] of Object.entries(spec.optional)) {
    const given = argument(d, name);
    const wrong = given && check(given.value);
    if (given && wrong) problems.push({ description: wrong, position: given.position });
  }
  return problems;
}
