export const CYCLE_STATES = ["draft", "open", "calibration", "released", "closed"] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

export const CYCLE_STATE_LABELS: Record<CycleState, string> = {
  draft: "Draft",
  open: "Open",
  calibration: "Calibration",
  released: "Released",
  closed: "Closed",
};

/** What moving into each state means, shown when HR confirms the step. */
export const CYCLE_STATE_EFFECTS: Record<CycleState, string> = {
  draft: "Only HR sees the cycle.",
  open: "Managers can write, save and submit reviews for their direct reports.",
  calibration: "Managers' editing is locked; HR and managers' managers calibrate.",
  released: "Agents can read their submitted reviews, acknowledge them and reply once.",
  closed: "The cycle becomes read only for everyone.",
};

/** Cycles only move forward, one step at a time. */
export function nextCycleState(state: CycleState): CycleState | null {
  const i = CYCLE_STATES.indexOf(state);
  return i >= 0 && i < CYCLE_STATES.length - 1 ? CYCLE_STATES[i + 1] : null;
}

export function canTransition(from: CycleState, to: CycleState): boolean {
  return nextCycleState(from) === to;
}

/** A draft cycle is HR's preparation; from open on, everyone involved sees it. */
export function isPublished(state: CycleState): boolean {
  return state !== "draft";
}

/** HR changes a cycle's settings (due date, keeper sharing) until it is closed. */
export function settingsEditable(state: CycleState): boolean {
  return state !== "closed";
}

export function managersCanEdit(state: CycleState): boolean {
  return state === "open";
}

export function agentsCanRead(state: CycleState): boolean {
  return state === "released" || state === "closed";
}

export function isCalibrating(state: CycleState): boolean {
  return state === "calibration";
}

/**
 * The states each rule holds in, for SQL (`state in ${AGENT_READABLE_STATES}`). Derived from the
 * rules above, so a query can never disagree with the page that explains the state.
 */
export const MANAGER_EDITABLE_STATES: readonly CycleState[] = CYCLE_STATES.filter(managersCanEdit);
export const AGENT_READABLE_STATES: readonly CycleState[] = CYCLE_STATES.filter(agentsCanRead);
export const CALIBRATION_STATES: readonly CycleState[] = CYCLE_STATES.filter(isCalibrating);
export const PUBLISHED_STATES: readonly CycleState[] = CYCLE_STATES.filter(isPublished);
export const SETTINGS_EDITABLE_STATES: readonly CycleState[] = CYCLE_STATES.filter(settingsEditable);

/** Review statuses (a review row exists only once a manager starts it). */
export const REVIEW_STATUSES = ["draft", "submitted"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A review may be calibrated while its cycle is calibrating and once its manager submitted it. */
export function canCalibrateReview(state: CycleState, status: ReviewStatus | null): boolean {
  return isCalibrating(state) && status === "submitted";
}

/** A submitted review reaches its employee once the cycle lets agents read. */
export function employeeCanReadReview(state: CycleState, status: ReviewStatus | null): boolean {
  return agentsCanRead(state) && status === "submitted";
}

/** Agents acknowledge and reply to a review only while its cycle is released; closed is read only. */
export function agentsCanRespond(state: CycleState): boolean {
  return state === "released";
}
