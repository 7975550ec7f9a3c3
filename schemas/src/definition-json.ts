/**
 * The one layout of the JSON files in `schemas/forms` (`form.json`, `texts/<lang>.json`), so that a form exported
 * from the store is byte for byte the file it was imported from, and a change shows in git as the lines it changed:
 * two-space indents, and any object or list on one line, spaced as prettier spaces it, when that line fits in 120
 * columns; otherwise one entry per line.
 */
export function formatDefinitionJson(value: unknown): string {
  return `${layout(value, '', 0)}\n`;
}

const WIDTH = 120;

const isPlain = (v: unknown) => v === null || typeof v !== 'object';

/** A value on one line, spaced as prettier spaces it: `{ "a": [1, 2] }`. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** `value` laid out at `indent`, its first line starting at `column` (after its key). */
function layout(value: unknown, indent: string, column: number): string {
  const inner = `${indent}  `;
  const single = oneLine(value);
  if (isPlain(value)) return single;
  // On one line when it fits, with the comma that may follow it.
  if (column + single.length + 1 <= WIDTH) return single;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${layout(v, inner, inner.length)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => {
    const key = `${inner}${JSON.stringify(k)}: `;
    return `${key}${layout(v, inner, key.length)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
