// Request limits checked while validating the document, so that a hostile query is refused with a
// clear message before any SQL is built or sent: nesting depth, aliases, and selected fields
// (fragments counted where they are spread, so a fragment bomb counts in full).
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { fragmentsOf } from './selection.collect.js';

export interface DocumentLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxSelections: number;
}

interface Tally {
  selections: number;
  aliases: number;
  depth: number;
}

/** Walks a selection set as executed: fragments expanded, each spread counted again. */
function measure(set: SelectionSetNode, fragments: Readonly<Record<string, FragmentDefinitionNode>>, depth: number, tally: Tally, limits: DocumentLimits, seen: ReadonlySet<string>): void {
  if (depth > tally.depth) tally.depth = depth;
  for (const selection of set.selections) {
    // Stop early: the tally only has to prove a limit is exceeded.
    if (tally.selections > limits.maxSelections || tally.depth > limits.maxDepth || tally.aliases > limits.maxAliases) return;
    if (selection.kind === Kind.FIELD) {
      tally.selections++;
      if (selection.alias) tally.aliases++;
      if (selection.selectionSet) measure(selection.selectionSet, fragments, depth + 1, tally, limits, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      measure(selection.selectionSet, fragments, depth, tally, limits, seen);
    } else {
      const fragment = fragments[selection.name.value];
      // Cycles are reported by graphql-js's NoFragmentCycles rule; do not loop on them here.
      if (fragment && !seen.has(fragment.name.value)) measure(fragment.selectionSet, fragments, depth, tally, limits, new Set([...seen, fragment.name.value]));
    }
  }
}

export function documentLimitsRule(limits: DocumentLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = fragmentsOf(context.getDocument());
      const tally: Tally = { selections: 0, aliases: 0, depth: 0 };
      measure(operation.selectionSet, fragments, 1, tally, limits, new Set());
      if (tally.depth > limits.maxDepth) context.reportError(new GraphQLError(`The query is nested deeper than the limit of ${limits.maxDepth} levels.`, { nodes: operation }));
      if (tally.aliases > limits.maxAliases) context.reportError(new GraphQLError(`The query uses more aliases than the limit of ${limits.maxAliases}.`, { nodes: operation }));
      if (tally.selections > limits.maxSelections) context.reportError(new GraphQLError(`The query selects more fields than the limit of ${limits.maxSelections}.`, { nodes: operation }));
      return false;
    },
  });
}
