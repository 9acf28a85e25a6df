/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name closest to `wanted`, as Pungi suggests it: only when the distance is below
 * half the length of the misspelt name, so short typos do not get wild guesses.
 */
export function suggestName(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = wanted.length + 1;
  for (const name of known) {
    const distance = editDistance(wanted, name);
    if (distance < bestDistance && distance < Math.floor(wanted.length / 2)) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
