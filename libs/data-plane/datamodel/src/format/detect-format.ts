// Which datamodel syntax a document is written in. Prisma 1.31+ speaks 1.1 (spec §2); servers up to
// 1.30 spoke 1.0 (Appendix A), which our docs and the oldest projects still use. The two differ in
// meaning, not just syntax (implicit system fields, link tables everywhere, string defaults), so
// the choice is made once, here, and reported with the reason.
import type { DatamodelFormat } from '@refract/schema-model';
import type { DatamodelDocument, DocDirective } from '../document/document.model.js';

export interface FormatDecision {
  readonly format: DatamodelFormat;
  readonly reason: string;
}

/** Directives that exist only in 1.1. */
const FIELD_DIRECTIVES_1_1 = ['id', 'createdAt', 'updatedAt', 'db', 'scalarList', 'sequence'];
const TYPE_DIRECTIVES_1_1 = ['db', 'relationTable'];
const TYPED_DEFAULT_KINDS = new Set(['boolean', 'int', 'float', 'enum']);

function marker1_1(d: DocDirective): string | undefined {
  if (d.name === 'relation' && d.arguments.some((a) => a.name === 'link')) return '`@relation(link: …)`';
  const value = d.name === 'default' ? d.arguments.find((a) => a.name === 'value')?.value : undefined;
  if (value && TYPED_DEFAULT_KINDS.has(value.kind)) return `a typed default \`@default(value: ${value.rendered})\``;
  return undefined;
}

/**
 * Detects the format. `preferred` (e.g. the format of the project's previous schema) decides when the
 * document carries no marker of either syntax.
 */
export function detectFormat(doc: DatamodelDocument, preferred?: DatamodelFormat): FormatDecision {
  for (const type of doc.types) {
    const typeMarker = type.directives.find((d) => TYPE_DIRECTIVES_1_1.includes(d.name));
    if (typeMarker) return { format: '1.1', reason: `the type \`${type.name}\` uses \`@${typeMarker.name}\`` };
    for (const field of type.fields) {
      for (const d of field.directives) {
        const marker = FIELD_DIRECTIVES_1_1.includes(d.name) ? `\`@${d.name}\`` : marker1_1(d);
        if (marker) return { format: '1.1', reason: `the field \`${type.name}.${field.name}\` uses ${marker}` };
      }
    }
  }
  if (preferred === '1.1') return { format: '1.1', reason: 'the project was deployed with datamodel 1.1' };
  const legacyId = doc.types.find((t) => t.fields.some((f) => f.name === 'id' && f.directives.some((d) => d.name === 'unique')));
  if (legacyId) return { format: '1.0', reason: `the type \`${legacyId.name}\` declares \`id\` with \`@unique\` and no 1.1 directive is used` };
  return { format: '1.0', reason: 'no 1.1 directive (`@id`, `@createdAt`, `@updatedAt`, `@db`, `@scalarList`, `link`) is used' };
}
