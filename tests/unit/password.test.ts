import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password, rejects others, and salts every hash", async () => {
    const a = await hashPassword("keeper-demo-pass");
    const b = await hashPassword("keeper-demo-pass");
    expect(a).not.toBe(b);
    expect(a.split("$").slice(0, 4)).toEqual(["scrypt", "32768", "8", "1"]);
    expect(await verifyPassword("keeper-demo-pass", a)).toBe(true);
    expect(await verifyPassword("keeper-demo-pasS", a)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", "garbage")).toBe(false);
  });
});
