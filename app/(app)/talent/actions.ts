"use server";

import { calibrateReview, type CalibrationResult } from "@/lib/dal/calibration";

// Public endpoint: calibrateReview verifies the session, parses with zod and checks access in SQL.
export async function calibrateAction(input: unknown): Promise<CalibrationResult> {
  return calibrateReview(input);
}
