/**
 * Finds reporting loops in a manager graph given as employee → manager (both by email). Each loop
 * is returned once, as the emails around it starting from its smallest, so messages are stable.
 */
export function findReportingLoops(managerOf: (email: string) => string | null, starts: Iterable<string>): string[][] {
  const loops = new Map<string, string[]>();
  const settled = new Set<string>();
  for (const start of starts) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let at: string | null = start; at !== null && !settled.has(at); at = managerOf(at)) {
      const seen = onPath.get(at);
      if (seen !== undefined) {
        const loop = path.slice(seen);
        const first = loop.indexOf([...loop].sort()[0]);
        const rotated = [...loop.slice(first), ...loop.slice(0, first)];
        loops.set(rotated.join(" "), rotated);
        break;
      }
      onPath.set(at, path.length);
      path.push(at);
    }
    for (const email of path) settled.add(email);
  }
  return [...loops.values()];
}
