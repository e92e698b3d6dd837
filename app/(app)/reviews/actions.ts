"use server";

import { reopenReview, saveReviewDraft, submitReview, type SaveResult } from "@/lib/dal/review-write";

// Public endpoints: each data-access function verifies the session, parses with zod and checks access.
export async function saveDraftAction(input: unknown): Promise<SaveResult> {
  return saveReviewDraft(input);
}

export async function submitReviewAction(input: unknown): Promise<SaveResult> {
  return submitReview(input);
}

export async function reopenReviewAction(input: unknown): Promise<SaveResult> {
  return reopenReview(input);
}
