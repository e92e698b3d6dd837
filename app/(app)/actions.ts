"use server";

import { signOut } from "@/auth";
import { recordSignOut } from "@/lib/dal/account";

export async function signOutAction(): Promise<void> {
  await recordSignOut();
  await signOut({ redirectTo: "/login" });
}
