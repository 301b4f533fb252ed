// Field collection (GraphQL spec §6.3.2, CollectFields): merges the selection sets of a field,
// expands fragment spreads and inline fragments whose type condition applies to the concrete type,
// and honours @skip/@include. Returns the fields by response key, in document order.
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  isAbstractType,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type DocumentNode,
  type SelectionSetNode,
} from 'graphql';

/** The fragment definitions of a document, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

export interface CollectContext {
  readonly graphqlSchema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

function included(ctx: CollectContext, node: FieldNode | InlineFragmentNode | FragmentDefinitionNode | { directives?: FieldNode['directives'] }): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, ctx.variables as Record<string, unknown>);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables as Record<string, unknown>);
  return include?.if !== false;
}

function applies(ctx: CollectContext, fragment: InlineFragmentNode | FragmentDefinitionNode, type: GraphQLObjectType): boolean {
  if (!fragment.typeCondition) return true;
  const condition = typeFromAST(ctx.graphqlSchema, fragment.typeCondition);
  if (condition === type) return true;
  return condition !== undefined && isAbstractType(condition) && ctx.graphqlSchema.isSubType(condition, type);
}

export function collectFields(ctx: CollectContext, type: GraphQLObjectType, selectionSets: readonly (SelectionSetNode | undefined)[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          if (!included(ctx, selection)) break;
          const key = selection.alias?.value ?? selection.name.value;
          const existing = fields.get(key);
          if (existing) existing.push(selection);
          else fields.set(key, [selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (included(ctx, selection) && applies(ctx, selection, type)) walk(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name) || !included(ctx, selection)) break;
          visited.add(name);
          const fragment = ctx.fragments[name];
          if (fragment && applies(ctx, fragment, type)) walk(fragment.selectionSet);
          break;
        }
      }
    }
  };
  for (const set of selectionSets) if (set) walk(set);
  return fields;
}

/** The merged sub-selections of the field nodes that share one response key. */
export function subSelections(nodes: readonly FieldNode[]): (SelectionSetNode | undefined)[] {
  return nodes.map((node) => node.selectionSet);
}
