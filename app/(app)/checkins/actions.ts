"use server";

import { revalidatePath } from "next/cache";
import { answerCheckin, askForCheckin, type CheckinResult } from "@/lib/dal/checkins";

// Thin wrappers: each data-access function verifies the session, parses with zod and checks access.
export async function askCheckinAction(_prev: CheckinResult | null, formData: FormData): Promise<CheckinResult> {
  const result = await askForCheckin({ message: formData.get("message") ?? "" });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function answerCheckinAction(_prev: CheckinResult | null, formData: FormData): Promise<CheckinResult> {
  const result = await answerCheckin({
    id: formData.get("id"),
    answer: formData.get("answer") ?? undefined,
    note: formData.get("note") ?? "",
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
