import type { Db } from "@/db/client";
import { employees } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { hashPassword } from "@/lib/auth/password";

let sharedHash: Promise<string> | undefined;
// Demo people's ids, read once after the seed, so `idOf` can be called inside a predicate.
const demoIds = new WeakMap<Db, Map<string, number>>();

export async function seedDemoFast(db: Db) {
  sharedHash ??= hashPassword("keeper-demo-pass");
  const result = await seedDemo(db, { passwordHash: await sharedHash });
  const people = await db.select({ id: employees.id, email: employees.email }).from(employees);
  demoIds.set(db, new Map(people.map((p) => [p.email, p.id])));
  return result;
}

/** The id of a demo person (`ava` → ava@demo.keeper.test) in a database seeded by seedDemoFast. */
export function idOf(db: Db, local: string): number {
  const id = demoIds.get(db)?.get(`${local}@demo.keeper.test`);
  if (id === undefined) throw new Error(`No demo employee ${local} (was the database seeded with seedDemoFast?)`);
  return id;
}
