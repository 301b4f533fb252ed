import { directive } from '../../document/document.queries.js';
import type { ValidationRule } from '../validation-rule.js';

/** `@relationTable` declares a link table, which only connectors with link tables can honour. */
export const relationTableSupportRule: ValidationRule = {
  name: 'relation-table-support',
  formats: ['1.1'],
  phase: 'syntax',
  check({ doc, capabilities, report }) {
    if (capabilities.relationTables) return;
    for (const type of doc.types) {
      const d = directive(type, 'relationTable');
      if (!d) continue;
      report({ type: type.name, description: 'The directive `@relationTable` is not supported by this connector.', position: d.position });
    }
  },
};
