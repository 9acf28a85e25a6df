import { InputError } from '@compose/errors';
import type { PartDefinition } from './types.js';

/** Problems of the depends_on graph: unknown parts, a part depending on itself, cycles. */
export function checkPartGraph(parts: readonly PartDefinition[]): InputError[] {
  const names = new Set(parts.map((p) => p.name));
  const problems: InputError[] = [];
  for (const part of parts) {
    for (const dependency of part.dependsOn) {
      if (dependency === part.name) {
        problems.push(new InputError('PARTS_SELF_DEPENDENCY', `part [${part.name}] depends on itself`, { location: part.location, hint: 'remove it from depends_on' }));
      } else if (!names.has(dependency)) {
        problems.push(new InputError('PARTS_UNKNOWN_DEPENDENCY', `part [${part.name}] depends on '${dependency}', which is not a part`, {
          location: part.location, hint: `known parts: ${[...names].join(', ')}`,
        }));
      }
    }
  }
  if (problems.length > 0) return problems;
  const cycle = findCycle(parts);
  if (cycle) {
    problems.push(new InputError('PARTS_DEPENDENCY_CYCLE', `parts depend on each other in a cycle: ${cycle.join(' -> ')}`, {
      location: parts.find((p) => p.name === cycle[0])!.location, hint: 'break the cycle in depends_on; such parts could never start',
    }));
  }
  return problems;
}

function findCycle(parts: readonly PartDefinition[]): string[] | undefined {
  const byName = new Map(parts.map((p) => [p.name, p]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of byName.get(name)?.dependsOn ?? []) {
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const part of parts) {
    const cycle = visit(part.name);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every part `name` needs finished before it starts, directly or through other parts. */
export function listAllDependencies(parts: readonly PartDefinition[], name: string): Set<string> {
  const byName = new Map(parts.map((p) => [p.name, p]));
  const found = new Set<string>();
  const pending = [...(byName.get(name)?.dependsOn ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...(byName.get(next)?.dependsOn ?? []));
  }
  return found;
}

/** Every part that needs `name`, directly or through other parts. */
export function listAllDependents(parts: readonly PartDefinition[], name: string): Set<string> {
  return new Set(parts.filter((p) => listAllDependencies(parts, p.name).has(name)).map((p) => p.name));
}
