/** Logical ids a resource refers to through Ref, Fn::GetAtt and DependsOn. */
function references(value: unknown, ids: Set<string>, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => references(item, ids, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string' && ids.has(inner)) found.add(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner)) found.add(String(inner[0]));
      else if (key === 'DependsOn') [inner].flat().forEach((id) => found.add(String(id)));
      else references(inner, ids, found);
    }
  }
  return found;
}

/**
 * A chain of template resources that leads back to its start, or undefined. `cdk synth` does not
 * detect these; CloudFormation rejects the template at deploy time.
 */
export function findCycle(resources: Record<string, unknown>): string[] | undefined {
  const ids = new Set(Object.keys(resources));
  const edges = new Map([...ids].map((id) => [id, references(resources[id], ids)]));
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (path.includes(id)) return [...path, id];
    if (done.has(id)) return undefined;
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const id of ids) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}
