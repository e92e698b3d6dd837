import { describe, expect, it } from "vitest";
import { parseUserFilter, ScimFilterError } from "@/lib/scim/filter";
import { applyPatch } from "@/lib/scim/patch";
import { ENTERPRISE_SCHEMA, readUserChanges, ScimInputError, toScimUser, type PersonRow } from "@/lib/scim/user-doc";

const person: PersonRow = {
  id: 7,
  email: "ava@acme.test",
  name: "Ava Thompson",
  title: "Agent",
  active: true,
  managerId: 3,
  teamName: "Team Portland",
  createdAt: 0,
  updatedAt: 1,
};
const doc = () => toScimUser(person, "https://k.test/scim/v2");
const patch = (...Operations: unknown[]) =>
  readUserChanges(doc(), applyPatch(doc(), { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations }));

describe("SCIM filters", () => {
  it("accept userName eq, whatever the attribute's case or schema prefix, and lower-case the value", () => {
    expect(parseUserFilter('userName eq "Ava@Acme.test"')).toEqual({ userName: "ava@acme.test" });
    expect(parseUserFilter('USERNAME eq "a@b.test"')).toEqual({ userName: "a@b.test" });
    expect(parseUserFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.test"')).toEqual({ userName: "a@b.test" });
    expect(parseUserFilter(null)).toBeNull();
    expect(parseUserFilter("  ")).toBeNull();
  });

  it("refuse anything else rather than answer it wrongly", () => {
    for (const f of ['userName co "a"', 'externalId eq "x"', 'userName eq "a" and active eq true', "userName eq", "((("]) {
      expect(() => parseUserFilter(f), f).toThrow(ScimFilterError);
    }
  });
});

describe("reading a SCIM user", () => {
  it("in POST and PUT leaves out what the request leaves out, and clears what it sets to null", () => {
    expect(readUserChanges(null, { userName: "Zoe@Acme.test" })).toEqual({ email: "zoe@acme.test" });
    expect(
      readUserChanges(null, {
        userName: "z@a.test",
        name: { givenName: "Zoe", familyName: "Quill" },
        [ENTERPRISE_SCHEMA]: { manager: null, department: "" },
      }),
    ).toEqual({
      email: "z@a.test",
      name: "Zoe Quill",
      managerScimId: null,
      department: null,
    });
    expect(readUserChanges(null, { displayName: "Z Q", name: { formatted: "Zoe Quill" } }).name).toBe("Z Q");
    expect(() => readUserChanges(null, { userName: "not an email" })).toThrow(ScimInputError);
    expect(() => readUserChanges(null, { active: "maybe" })).toThrow(ScimInputError);
  });

  it("in PATCH takes what the operations changed, including removals", () => {
    expect(patch({ op: "Replace", path: "active", value: "False" })).toEqual({ active: false });
    expect(patch({ op: "replace", value: { active: true } })).toEqual({});
    expect(patch({ op: "Replace", path: "name.familyName", value: "Rivera" })).toEqual({ name: "Ava Rivera" });
    expect(patch({ op: "Remove", path: `${ENTERPRISE_SCHEMA}:manager` })).toEqual({ managerScimId: null });
    // Entra ID's form: a bare id, added over an existing manager.
    expect(patch({ op: "Add", path: `${ENTERPRISE_SCHEMA}:manager`, value: "12" })).toEqual({ managerScimId: "12" });
    expect(patch({ op: "Replace", value: { [`${ENTERPRISE_SCHEMA}:manager`]: "12" } })).toEqual({ managerScimId: "12" });
    expect(patch({ op: "add", value: { [`${ENTERPRISE_SCHEMA}:manager`]: { value: "12" } } })).toEqual({ managerScimId: "12" });
    expect(patch({ op: "replace", path: `${ENTERPRISE_SCHEMA}:department`, value: "Team Denver" })).toEqual({ department: "Team Denver" });
  });

  it("refuses malformed PATCH requests", () => {
    expect(() => applyPatch(doc(), { Operations: [{ op: "explode", path: "title" }] })).toThrow(ScimInputError);
    expect(() => applyPatch(doc(), { Operations: "replace" })).toThrow(ScimInputError);
    expect(() => applyPatch(doc(), null)).toThrow(ScimInputError);
  });
});
