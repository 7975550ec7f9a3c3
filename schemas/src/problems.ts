/**
 * A problem the lint finds in a form definition, placed by a JSON Pointer into the definition so that an editor can
 * show it beside its field: `/schema/properties/phone/pattern`, `/uiSchema/phone/ui:widget`,
 * `/texts/ar/fields/phone/label`, `/meta/emailSafeFields/0`. Only errors keep a definition from being published.
 * `code` is stable (docs/form-lint.md lists them); `message` is a sentence for the coordinator editing the form.
 */
export interface FormProblem {
  path: string;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** A JSON Pointer (RFC 6901) from its segments: `pointer('schema', 'properties', 'a/b')` is `/schema/properties/a~1b`. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** An error at `path`. */
export function errorAt(path: string, code: string, message: string): FormProblem {
  return { path, severity: 'error', code, message };
}

/** A warning at `path`: it does not keep a definition from being published. */
export function warningAt(path: string, code: string, message: string): FormProblem {
  return { path, severity: 'warning', code, message };
}

/** Only the errors: what keeps a definition from being published. */
export function errorsOf(problems: readonly FormProblem[]): FormProblem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** Problems as lines `<prefix><path>: <message>`, e.g. `guidance/schema/properties/phone/pattern: …`. */
export function problemLines(prefix: string, problems: readonly FormProblem[]): string[] {
  return problems.map((p) => `${prefix}${p.path}: ${p.message}`);
}
