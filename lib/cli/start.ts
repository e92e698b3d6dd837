import { join } from "node:path";
import { start } from "@/lib/server/cluster.cjs";

/**
 * Production start. `bin/keeper start` runs lib/server/cluster.cjs directly, without loading
 * this TypeScript; this entry keeps `main(["start"])` working the same way.
 */
export function run(): Promise<number> {
  return start(join(process.cwd(), "bin", "keeper"));
}
