"use server";

import { revalidatePath } from "next/cache";
import {
  removeConnection,
  saveConnection,
  startSync,
  syncProgress,
  testConnection,
  type ConnectionActionResult,
  type ConnectionFormState,
  type SyncProgress,
} from "@/lib/dal/connections";

const FIELDS = ["id", "name", "source", "baseUrl", "accountId", "email", "token", "appId", "appSecret", "intervalMinutes"] as const;

export async function saveConnectionAction(_prev: ConnectionFormState | null, formData: FormData): Promise<ConnectionFormState> {
  const raw = Object.fromEntries(FIELDS.map((f) => [f, formData.get(f) ?? undefined]));
  const result = await saveConnection(raw);
  if (result.ok) revalidatePath("/hr/connections");
  return result;
}

export async function removeConnectionAction(id: number): Promise<ConnectionActionResult> {
  const result = await removeConnection({ id });
  if (result.ok) revalidatePath("/hr/connections");
  return result;
}

export async function testConnectionAction(id: number): Promise<ConnectionActionResult> {
  return testConnection({ id });
}

export async function syncConnectionAction(id: number): Promise<ConnectionActionResult> {
  return startSync({ id });
}

export async function syncProgressAction(id: number): Promise<SyncProgress | null> {
  return syncProgress({ id });
}
