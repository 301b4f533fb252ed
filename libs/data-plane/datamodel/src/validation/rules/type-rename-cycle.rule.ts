import type { DocType } from '../../document/document.model.js';
import { directive, stringArgument } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';

const oldNameOf = (type: DocType) => stringArgument(type, 'rename', 'oldName');

/**
 * A rename whose names overlap another type's (a swap A<->B, or a chain Old->New while New->Other)
 * cannot be migrated in one step, because one table would have to take a name still in use.
 */
export const typeRenameCycleRule: ValidationRule = {
  name: 'type-rename-cycle',
  formats: ['1.0', '1.1'],
  phase: 'syntax',
  check({ doc, format, report }) {
    const renamed = doc.types.filter((t) => oldNameOf(t) !== undefined);
    const at = (type: DocType) => directive(type, 'rename')?.position ?? type.position;
    if (format === '1.0') {
      // The legacy validator: a type renamed from the name of another type renamed before it.
      renamed.forEach((earlier, i) => {
        for (const later of renamed.slice(i + 1).filter((t) => oldNameOf(t) === earlier.name)) {
          report({ type: later.name, description: legacyMessage(later.name), position: at(later) });
        }
      });
      return;
    }
    for (const type of renamed) {
      const oldName = oldNameOf(type) ?? '';
      const others = doc.types.filter((t) => t !== type);
      // Prisma's check: the old name is still the name of another type (its message then names that
      // type); plus the reading its message describes: the new name was another type's old name.
      const blockers = [...others.filter((t) => t.name === oldName), ...others.filter((t) => oldNameOf(t) === type.name)];
      for (const other of new Set(blockers)) {
        report({
          type: type.name,
          description: `You renamed type \`${oldName}\` to \`${type.name}\`. But that is the old name of type \`${other.name}\`. Please do this in two steps.`,
          position: at(type),
        });
      }
    }
  },
};

// Prisma's text, with its missing space after "new name.".
const legacyMessage = (name: string) =>
  `The type \`${name}\` is being renamed. Another type is also being renamed and formerly had \`${name}\` new name.` +
  'Please split cases where you do renames like type A -> type B and type B -> type A at the same time into two parts. ';
