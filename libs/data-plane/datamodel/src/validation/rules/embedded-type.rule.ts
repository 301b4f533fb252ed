import { directive, hasDirective } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';

/**
 * Embedded types live inside their parent's storage, which SQL connectors do not have; where a
 * connector has them, an embedded type has no table to name with `@db`. (Prisma also reports the
 * `@db` error when embedded types are unsupported; one error is enough there.)
 */
export const embeddedTypeRule: ValidationRule = {
  name: 'embedded-type',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, capabilities, report }) {
    for (const type of doc.types) {
      const embedded = directive(type, 'embedded');
      if (!embedded) continue;
      if (!capabilities.embeddedTypes) {
        report({
          type: type.name,
          description: `The type \`${type.name}\` is marked as embedded but this connector does not support embedded types.`,
          position: embedded.position,
        });
      } else if (hasDirective(type, 'db')) {
        report({
          type: type.name,
          description: `The type \`${type.name}\` is specifies the \`@db\` directive. Embedded types must not specify this directive.`,
          position: directive(type, 'db')?.position ?? type.position,
        });
      }
    }
  },
};
