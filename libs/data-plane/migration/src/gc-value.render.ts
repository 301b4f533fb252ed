// How Prisma 1 (Scala) prints values, which users see verbatim: the deploy warnings interpolate a
// GCValue's `value` ("pre-filled with the value `0.0`", spec §5.4), and the management API returns
// `Option[GCValue].toString` as CreateField.default ("Some(BooleanGCValue(false))", spec §12.2).
// Class names from `com.prisma.gc_values.GcValues`.
import type { DefaultValue, ScalarTypeIdentifier } from '@refract/schema-model';
import { utcTimestamp } from './utc-timestamp.js';

const CLASS_NAMES: Record<ScalarTypeIdentifier, string> = {
  String: 'StringGCValue',
  Int: 'IntGCValue',
  Float: 'FloatGCValue',
  Boolean: 'BooleanGCValue',
  DateTime: 'DateTimeGCValue',
  Json: 'JsonGCValue',
  Enum: 'EnumGCValue',
  Cuid: 'StringIdGCValue',
  UUID: 'UuidGCValue',
};

/** The value as Scala's `toString` of the wrapped value prints it (`0.0`, `false`, `1970-01-01T00:00:00.000Z`). */
export function renderValue(value: DefaultValue): string {
  switch (value.type) {
    case 'Float':
      return typeof value.value === 'number' ? javaDouble(value.value) : String(value.value);
    case 'DateTime':
      return utcTimestamp(String(value.value));
    case 'Json':
      return compactJson(String(value.value));
    default:
      return String(value.value);
  }
}

/** A case class's `toString`: `BooleanGCValue(false)`, `StringGCValue(hello)` (no quotes). */
export function renderGcValue(value: DefaultValue): string {
  return `${CLASS_NAMES[value.type]}(${renderValue(value)})`;
}

/** Scala's `Option.toString`: `None` or `Some(<GCValue>)`. */
export function renderOptionalGcValue(value: DefaultValue | null): string {
  return value === null ? 'None' : `Some(${renderGcValue(value)})`;
}

/** Java's `Double.toString`: always a fraction digit, scientific outside [1e-3, 1e7). */
export function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa = '', exponent = ''] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

/** Play JSON's `toString`: the document without insignificant whitespace (numbers as written). */
function compactJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (!/\s/.test(char)) {
      out += char;
    }
  }
  return out;
}
