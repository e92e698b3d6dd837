"use server";

import { revalidatePath } from "next/cache";
import { createCycle, transitionCycle, updateCycleSettings, type CycleActionResult } from "@/lib/dal/cycles";

export async function createCycleAction(_prev: CycleActionResult | null, formData: FormData): Promise<CycleActionResult> {
  const key = String(formData.get("key") ?? "").trim();
  const result = await createCycle(key ? { key } : {});
  if (result.ok) revalidatePath("/hr/cycles");
  return result;
}

export async function updateCycleSettingsAction(_prev: CycleActionResult | null, formData: FormData): Promise<CycleActionResult> {
  const result = await updateCycleSettings({
    key: formData.get("key"),
    dueDate: formData.get("dueDate"),
    shareKeeper: formData.get("shareKeeper") === "on",
  });
  if (result.ok) revalidatePath("/hr/cycles");
  return result;
}

export async function transitionCycleAction(input: { key: string; to: string }): Promise<CycleActionResult> {
  const result = await transitionCycle(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
