import { describe, expect, it } from "vitest";
import { apiTokens, cycleParticipants, cycles, departures, employees, keeperCheckins, keeperFollowUps, reviews } from "@/db/schema";
import { LEAVE_TYPES } from "@/lib/domain/departures";
import { FOLLOW_UP_KINDS } from "@/lib/domain/follow-ups";
import { TOKEN_SCOPES } from "@/lib/domain/token-scopes";
import {
  AGENT_READABLE_STATES,
  agentsCanRead,
  CALIBRATION_STATES,
  canCalibrateReview,
  CYCLE_STATES,
  isCalibrating,
  MANAGER_EDITABLE_STATES,
  managersCanEdit,
  PUBLISHED_STATES,
  REVIEW_STATUSES,
} from "@/lib/domain/cycle-state";
import { KEEPER_ANSWERS } from "@/lib/domain/keeper";
import { ROLES } from "@/lib/domain/roles";

/** The SQL state lists and the schema's enums come from the domain's rules (issue 13). */
describe("cycle-state rules are the source of the SQL lists and the schema enums", () => {
  it("derives each state list from its rule", () => {
    expect(AGENT_READABLE_STATES).toEqual(["released", "closed"]);
    expect(MANAGER_EDITABLE_STATES).toEqual(["open"]);
    expect(CALIBRATION_STATES).toEqual(["calibration"]);
    expect(PUBLISHED_STATES).toEqual(["open", "calibration", "released", "closed"]);
    for (const state of CYCLE_STATES) {
      expect(AGENT_READABLE_STATES.includes(state)).toBe(agentsCanRead(state));
      expect(MANAGER_EDITABLE_STATES.includes(state)).toBe(managersCanEdit(state));
      expect(CALIBRATION_STATES.includes(state)).toBe(isCalibrating(state));
      expect(canCalibrateReview(state, "draft")).toBe(false);
      expect(canCalibrateReview(state, "submitted")).toBe(isCalibrating(state));
    }
  });

  it("gives the schema its enums", () => {
    expect(cycles.state.enumValues).toEqual([...CYCLE_STATES]);
    expect(reviews.status.enumValues).toEqual([...REVIEW_STATUSES]);
    expect(reviews.keeperAnswer.enumValues).toEqual([...KEEPER_ANSWERS]);
    expect(keeperCheckins.answer.enumValues).toEqual([...KEEPER_ANSWERS]);
    expect(employees.role.enumValues).toEqual([...ROLES]);
    expect(cycleParticipants.role.enumValues).toEqual([...ROLES]);
    expect(departures.leaveType.enumValues).toEqual([...LEAVE_TYPES]);
    expect(keeperFollowUps.kind.enumValues).toEqual([...FOLLOW_UP_KINDS]);
    expect(apiTokens.scope.enumValues).toEqual([...TOKEN_SCOPES]);
  });
});
