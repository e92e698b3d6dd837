"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken, type CreateTokenResult } from "@/lib/dal/api-tokens";

export async function createTokenAction(_prev: CreateTokenResult | null, formData: FormData): Promise<CreateTokenResult> {
  const result = await createApiToken({
    name: formData.get("name"),
    scope: formData.get("scope"),
    expiresInDays: formData.get("expiresInDays"),
  });
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}

export async function revokeTokenAction(id: number): Promise<{ ok: boolean; message: string }> {
  const result = await revokeApiToken({ id });
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}
