/**
 * The parsed datamodel: the object types and enums of the SDL with everything the validator and
 * the inferrer need, and the source position of each part. Built from graphql-js's AST once, so
 * no later stage depends on graphql-js or re-reads the SDL.
 */

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export type DocValue =
  | { readonly kind: 'string'; readonly value: string; readonly rendered: string }
  | { readonly kind: 'int'; readonly value: string; readonly rendered: string }
  | { readonly kind: 'float'; readonly value: string; readonly rendered: string }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly rendered: string }
  | { readonly kind: 'enum'; readonly value: string; readonly rendered: string }
  | { readonly kind: 'null'; readonly rendered: string }
  | { readonly kind: 'list' | 'object' | 'variable'; readonly rendered: string };

export interface DocArgument {
  readonly name: string;
  readonly value: DocValue;
  readonly position: SourcePosition;
}

export interface DocDirective {
  readonly name: string;
  readonly arguments: readonly DocArgument[];
  readonly position: SourcePosition;
}

export interface DocField {
  readonly name: string;
  /** The innermost named type (`Post` in `[Post!]!`). */
  readonly typeName: string;
  /** The type as written, e.g. `[Post!]!`. */
  readonly typeString: string;
  /** Non-list and marked `!`: list fields are never required (spec §2.2). */
  readonly isRequired: boolean;
  readonly isList: boolean;
  /** How many list brackets wrap the named type; more than one is never valid. */
  readonly listDepth: number;
  /** `[T!]`: the list items are marked non-null. */
  readonly itemsRequired: boolean;
  /** `[T]!`: the list itself is marked non-null. */
  readonly listRequired: boolean;
  readonly directives: readonly DocDirective[];
  readonly position: SourcePosition;
}

export interface DocType {
  readonly name: string;
  readonly fields: readonly DocField[];
  readonly directives: readonly DocDirective[];
  readonly position: SourcePosition;
}

export interface DocEnumValue {
  readonly name: string;
  readonly position: SourcePosition;
}

export interface DocEnum {
  readonly name: string;
  readonly values: readonly DocEnumValue[];
  readonly directives: readonly DocDirective[];
  readonly position: SourcePosition;
}

export interface DatamodelDocument {
  readonly types: readonly DocType[];
  readonly enums: readonly DocEnum[];
}
