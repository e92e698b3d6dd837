"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeReview, replyToReview, type FeedbackResult } from "@/lib/dal/feedback";
import { saveMyReflection, type ReflectionResult } from "@/lib/dal/reflections";

// Thin wrappers: each data-access function verifies the session, parses with zod and checks access.
export async function acknowledgeAction(_prev: FeedbackResult | null, formData: FormData): Promise<FeedbackResult> {
  const result = await acknowledgeReview({ cycleKey: formData.get("cycleKey") });
  if (result.ok) revalidatePath("/feedback", "layout");
  return result;
}

export async function replyAction(_prev: FeedbackResult | null, formData: FormData): Promise<FeedbackResult> {
  const result = await replyToReview({ cycleKey: formData.get("cycleKey"), reply: formData.get("reply") ?? "" });
  if (result.ok) revalidatePath("/feedback", "layout");
  return result;
}

export async function saveReflectionAction(_prev: ReflectionResult | null, formData: FormData): Promise<ReflectionResult> {
  const result = await saveMyReflection({
    cycleKey: formData.get("cycleKey"),
    proudOf: formData.get("proudOf") ?? "",
    growth: formData.get("growth") ?? "",
  });
  if (result.ok) revalidatePath("/feedback");
  return result;
}
