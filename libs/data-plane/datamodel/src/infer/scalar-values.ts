// Converting SDL literals to the typed values the schema model stores (spec §2.3 for 1.1 typed
// literals; Appendix A for 1.0, where every default is a string).
import type { DefaultValue, ScalarTypeIdentifier } from '@refract/schema-model';
import type { DocValue } from '../document/document.model.js';

export function typeIdentifier(typeName: string, isEnum: boolean): ScalarTypeIdentifier {
  if (isEnum) return 'Enum';
  if (typeName === 'ID') return 'Cuid';
  return typeName as ScalarTypeIdentifier;
}

/** A 1.1 default: the literal already has the right kind (validation made sure of it). */
export function typedDefault(type: ScalarTypeIdentifier, value: DocValue): DefaultValue | null {
  switch (value.kind) {
    case 'string':
    case 'enum':
      return { type, value: value.value };
    case 'boolean':
      return { type, value: value.value };
    case 'int':
    case 'float':
      return { type, value: Number(value.value) };
    default:
      return null;
  }
}

/** A 1.0 default: a string converted to the field's type (validation made sure it converts). */
export function legacyDefault(type: ScalarTypeIdentifier, value: DocValue): DefaultValue | null {
  const text = value.kind === 'string' || value.kind === 'enum' ? value.value : 'value' in value ? String(value.value) : null;
  if (text === null) return null;
  switch (type) {
    case 'Int':
    case 'Float':
      return { type, value: Number(text) };
    case 'Boolean':
      return { type, value: text === 'true' };
    default:
      return { type, value: text };
  }
}
