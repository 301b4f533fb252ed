// Enum steps (spec §5.1). Enums have no DDL on PostgreSQL (they are text columns); the steps exist
// for the management API and so that removed values can be checked against the data (§5.4).
import type { Enum } from '@refract/schema-model';
import type { CreateEnum, DeleteEnum, UpdateEnum } from './migration-step.js';
import { joinClauses, type PlanContext } from './plan.context.js';

function successorEnum(context: PlanContext, previous: Enum): Enum | undefined {
  const name = context.renames.nextEnum(previous.name);
  return context.next.enums.find((e) => e.name === name);
}

export function planCreateEnums(context: PlanContext): CreateEnum[] {
  return context.next.enums
    .filter((e) => !context.previous.enums.some((p) => p.name === context.renames.previousEnum(e.name)))
    .map((e) => ({ type: 'CreateEnum', name: e.name, values: e.values, reason: `The enum \`${e.name}\` is new.` }));
}

export function planDeleteEnums(context: PlanContext): DeleteEnum[] {
  return context.previous.enums
    .filter((e) => !successorEnum(context, e))
    .map((e) => ({ type: 'DeleteEnum', name: e.name, reason: `The enum \`${e.name}\` is no longer in the datamodel.` }));
}

export function planUpdateEnums(context: PlanContext): UpdateEnum[] {
  return context.previous.enums.flatMap((previous): UpdateEnum[] => {
    const next = successorEnum(context, previous);
    if (!next) return [];
    const renamed = previous.name !== next.name;
    // Order counts: Prisma compares the value lists, and the order is what the API lists them in.
    const valuesChanged = previous.values.join('\n') !== next.values.join('\n');
    if (!renamed && !valuesChanged) return [];
    const clauses: string[] = [];
    if (renamed) clauses.push(`was renamed to \`${next.name}\``);
    if (valuesChanged) clauses.push(`changed its values from ${list(previous.values)} to ${list(next.values)}`);
    return [
      {
        type: 'UpdateEnum',
        name: previous.name,
        newName: renamed ? next.name : null,
        values: valuesChanged ? next.values : null,
        reason: `The enum \`${previous.name}\` ${joinClauses(clauses)}.`,
      },
    ];
  });
}

const list = (values: readonly string[]) => (values.length === 0 ? '(none)' : values.join(', '));
