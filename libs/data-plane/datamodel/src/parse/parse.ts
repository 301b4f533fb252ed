// Stage 1: SDL text -> DatamodelDocument, or syntax errors with line/column.
// graphql-js does the lexing and parsing; we bound its work first so hostile input (megabytes of
// text, thousands of nested brackets) gets a clear error instead of a hang or a stack overflow.
import {
  Kind,
  parse,
  print,
  GraphQLError,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type Location,
  type TypeNode,
  type ValueNode,
} from 'graphql';
import type {
  DatamodelDocument,
  DocDirective,
  DocField,
  DocType,
  DocEnum,
  DocValue,
  SourcePosition,
} from '../document/document.model.js';
import { GLOBAL, type DatamodelError } from '../errors/datamodel-error.js';

export interface ParseLimits {
  /** Largest datamodel accepted, in UTF-16 code units. */
  readonly maxLength: number;
  /** Largest number of GraphQL tokens (graphql-js stops parsing beyond it). */
  readonly maxTokens: number;
  /** Deepest bracket nesting (lists in types, values in arguments). */
  readonly maxNesting: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxLength: 8 * 1024 * 1024, maxTokens: 2_000_000, maxNesting: 32 };

export type ParseResult =
  | { readonly ok: true; readonly document: DatamodelDocument }
  | { readonly ok: false; readonly errors: readonly DatamodelError[] };

const syntaxError = (message: string, position: SourcePosition | null = null): ParseResult => ({
  ok: false,
  errors: [{ type: GLOBAL, field: null, description: `There's a syntax error in the data model. ${message}`, position }],
});

/** Parses datamodel SDL. Only object types and enums are read; other definitions are ignored (spec §2). */
export function parseDatamodel(sdl: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  if (sdl.length > limits.maxLength) {
    return syntaxError(`The datamodel is ${sdl.length} characters long; at most ${limits.maxLength} are accepted.`);
  }
  const nesting = deepestNesting(sdl);
  if (nesting > limits.maxNesting) {
    return syntaxError(`Brackets are nested ${nesting} levels deep; at most ${limits.maxNesting} are accepted.`);
  }
  if (sdl.trim() === '' || isOnlyComments(sdl)) return { ok: true, document: { types: [], enums: [] } };
  let ast: DocumentNode;
  try {
    ast = parse(sdl, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) {
      const location = error.locations?.[0];
      return syntaxError(error.message, location ? { line: location.line, column: location.column } : null);
    }
    if (error instanceof RangeError) return syntaxError('The datamodel is nested too deeply.');
    throw error;
  }
  return { ok: true, document: toDocument(ast) };
}

function isOnlyComments(sdl: string): boolean {
  return sdl.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'));
}

/** Deepest nesting of [ ] ( ) { } outside strings and comments; a cheap pre-check. */
function deepestNesting(sdl: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let inComment = false;
  for (let i = 0; i < sdl.length; i++) {
    const char = sdl[i];
    if (inComment) {
      if (char === '\n' || char === '\r') inComment = false;
      continue;
    }
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"' || char === '\n') inString = false;
      continue;
    }
    if (char === '#') inComment = true;
    else if (char === '"') inString = true;
    else if (char === '[' || char === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((char === ']' || char === ')') && depth > 0) depth--;
  }
  return deepest;
}

function toDocument(ast: DocumentNode): DatamodelDocument {
  const types: DocType[] = [];
  const enums: DocEnum[] = [];
  for (const definition of ast.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
      types.push({
        name: definition.name.value,
        fields: (definition.fields ?? []).map(toField),
        directives: (definition.directives ?? []).map(toDirective),
        position: position(definition.loc),
      });
    } else if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      enums.push({
        name: definition.name.value,
        values: (definition.values ?? []).map((v) => ({ name: v.name.value, position: position(v.loc) })),
        directives: (definition.directives ?? []).map(toDirective),
        position: position(definition.loc),
      });
    }
  }
  return { types, enums };
}

function toField(node: FieldDefinitionNode): DocField {
  const shape = typeShape(node.type);
  return {
    name: node.name.value,
    ...shape,
    directives: (node.directives ?? []).map(toDirective),
    position: position(node.loc),
  };
}

function typeShape(type: TypeNode): Omit<DocField, 'name' | 'directives' | 'position'> {
  let listDepth = 0;
  let itemsRequired = false;
  const listRequired = type.kind === Kind.NON_NULL_TYPE && type.type.kind === Kind.LIST_TYPE;
  const outerRequired = type.kind === Kind.NON_NULL_TYPE;
  let node = type;
  for (;;) {
    if (node.kind === Kind.NON_NULL_TYPE) node = node.type;
    if (node.kind === Kind.LIST_TYPE) {
      listDepth++;
      itemsRequired = node.type.kind === Kind.NON_NULL_TYPE;
      node = node.type;
      continue;
    }
    if (node.kind === Kind.NAMED_TYPE) break;
  }
  return {
    typeName: node.name.value,
    typeString: print(type),
    isRequired: outerRequired && listDepth === 0,
    isList: listDepth > 0,
    listDepth,
    itemsRequired,
    listRequired,
  };
}

function toDirective(node: DirectiveNode | ConstDirectiveNode): DocDirective {
  return {
    name: node.name.value,
    arguments: (node.arguments ?? []).map((a) => ({ name: a.name.value, value: toValue(a.value), position: position(a.loc) })),
    position: position(node.loc),
  };
}

function toValue(node: ValueNode): DocValue {
  const rendered = print(node);
  switch (node.kind) {
    case Kind.STRING:
      return { kind: 'string', value: node.value, rendered };
    case Kind.INT:
      return { kind: 'int', value: node.value, rendered };
    case Kind.FLOAT:
      return { kind: 'float', value: node.value, rendered };
    case Kind.BOOLEAN:
      return { kind: 'boolean', value: node.value, rendered };
    case Kind.ENUM:
      return { kind: 'enum', value: node.value, rendered };
    case Kind.NULL:
      return { kind: 'null', rendered };
    case Kind.LIST:
      return { kind: 'list', rendered };
    case Kind.OBJECT:
      return { kind: 'object', rendered };
    case Kind.VARIABLE:
      return { kind: 'variable', rendered };
  }
}

function position(loc: Location | undefined): SourcePosition {
  return loc ? { line: loc.startToken.line, column: loc.startToken.column } : { line: 0, column: 0 };
}
