"use server";

import { revalidatePath } from "next/cache";
import { recordDeparture, type DepartureResult } from "@/lib/dal/departures";

export async function recordDepartureAction(_prev: DepartureResult | null, formData: FormData): Promise<DepartureResult> {
  const result = await recordDeparture({
    employeeId: formData.get("employeeId"),
    leftAt: formData.get("leftAt") ?? "",
    leaveType: formData.get("leaveType") ?? undefined,
    regretted: formData.get("regretted") ?? undefined,
  });
  if (result.ok) revalidatePath("/hr/people", "layout");
  return result;
}
