/**
 * Roles an employee record holds (DESIGN.md "People and roles"). A manager is anyone with reports,
 * whatever the role says; HR and admin are separate jobs (docs/decisions/0012-admins-are-not-hr.md).
 */
export const ROLES = ["agent", "manager", "hr", "admin"] as const;
export type Role = (typeof ROLES)[number];
