"use server";

import { revalidatePath } from "next/cache";
import { addLateHires, reassignReviewer, type ParticipantActionResult } from "@/lib/dal/participants";

export async function addLateHiresAction(_prev: ParticipantActionResult | null, formData: FormData): Promise<ParticipantActionResult> {
  const key = String(formData.get("key") ?? "");
  const result = await addLateHires({ key, employeeIds: formData.getAll("employeeId").map(String) });
  if (result.ok) revalidatePath(`/hr/cycles/${key}`);
  return result;
}

export async function reassignReviewerAction(_prev: ParticipantActionResult | null, formData: FormData): Promise<ParticipantActionResult> {
  const key = String(formData.get("key") ?? "");
  const result = await reassignReviewer({ key, employeeEmail: formData.get("employeeEmail") ?? "", reviewerEmail: formData.get("reviewerEmail") ?? "" });
  if (result.ok) revalidatePath(`/hr/cycles/${key}`);
  return result;
}
