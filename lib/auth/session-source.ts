import "server-only";
import { auth } from "@/auth";

/** The signed-in employee id from the Auth.js session cookie, or null. Tests replace this module. */
export async function currentUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}
