/**
 * JSON with object keys sorted at every depth, so equal data always hashes the same; `keep` may leave out
 * entries.
 */
export function canonicalJson(value: unknown, keep: (key: string, value: unknown) => boolean = () => true): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, keep)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && keep(k, v))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, keep)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
