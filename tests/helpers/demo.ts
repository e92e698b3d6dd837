import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { employees } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { hashPassword } from "@/lib/auth/password";

let sharedHash: Promise<string> | undefined;

export async function seedDemoFast(db: Db) {
  sharedHash ??= hashPassword("keeper-demo-pass");
  return seedDemo(db, { passwordHash: await sharedHash });
}

export async function idOf(db: Db, local: string): Promise<number> {
  const row = (await db
      .select({ id: employees.id })
      .from(employees)
      .where(eq(employees.email, `${local}@demo.keeper.test`)))[0];
  if (!row) throw new Error(`No demo employee ${local}`);
  return row.id;
}
