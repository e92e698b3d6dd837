import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseSecretKey, secretKey, SecretKeyError } from "@/lib/connectors/secret-box";

const key = randomBytes(32);

describe("credentials encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh nonce every time and no plaintext in the stored value", () => {
    const a = encryptSecret('{"token":"abc-secret-123"}', key);
    const b = encryptSecret('{"token":"abc-secret-123"}', key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("abc-secret");
    expect(a.startsWith("v1.")).toBe(true);
    expect(decryptSecret(a, key)).toBe('{"token":"abc-secret-123"}');
  });
  it("detects tampering", () => {
    const sealed = encryptSecret("secret", key).split(".");
    const body = Buffer.from(sealed[4], "base64url");
    body[0] ^= 1;
    sealed[4] = body.toString("base64url");
    expect(() => decryptSecret(sealed.join("."), key)).toThrow(/integrity/);
  });
  it("says so when the key changed", () => {
    expect(() => decryptSecret(encryptSecret("secret", key), randomBytes(32))).toThrow(/another KEEPER_SECRET_KEY/);
  });
  it("reads a 32-byte key as base64, base64url or hex, and refuses anything else", () => {
    expect((parseSecretKey(key.toString("base64")) as Buffer).equals(key)).toBe(true);
    expect((parseSecretKey(key.toString("base64url")) as Buffer).equals(key)).toBe(true);
    expect((parseSecretKey(key.toString("hex")) as Buffer).equals(key)).toBe(true);
    expect(parseSecretKey("short")).toMatch(/32 bytes/);
    expect(parseSecretKey(randomBytes(16).toString("hex"))).toMatch(/32 bytes/);
  });
  it("requires KEEPER_SECRET_KEY in production, and uses a development key otherwise", () => {
    expect(() => secretKey({ NODE_ENV: "production" })).toThrow(SecretKeyError);
    expect(() => secretKey({ NODE_ENV: "production", KEEPER_SECRET_KEY: "nope" })).toThrow(/32 bytes/);
    expect(secretKey({ NODE_ENV: "production", KEEPER_SECRET_KEY: key.toString("hex") }).equals(key)).toBe(true);
    expect(secretKey({ NODE_ENV: "test" })).toHaveLength(32);
  });
});
