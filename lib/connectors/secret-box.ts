import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { parseSecretKey, SECRET_KEY_HELP } from "@/lib/server/secret-key.cjs";

/**
 * Helpdesk credentials at rest: AES-256-GCM with a random 96-bit nonce per value, keyed by
 * KEEPER_SECRET_KEY (32 bytes, base64 or hex). Stored as `v1.<key id>.<nonce>.<tag>.<ciphertext>`
 * (base64url parts); the key id (a hash prefix of the key) turns "wrong key" into a clear message
 * instead of a bare authentication failure.
 */

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

/**
 * Outside production, a fixed key keeps development and tests working without setup. It protects
 * nothing, which is why `keeper start` refuses to run in production without a real one.
 */
const DEVELOPMENT_KEY = createHash("sha256").update("keeper development key: not a secret").digest();

export { parseSecretKey, SECRET_KEY_HELP };

export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const value = env.KEEPER_SECRET_KEY;
  if (value === undefined || value.trim() === "") {
    if (env.NODE_ENV === "production") throw new SecretKeyError(`KEEPER_SECRET_KEY is not set. ${SECRET_KEY_HELP}`);
    return DEVELOPMENT_KEY;
  }
  const key = parseSecretKey(value);
  if (typeof key === "string") throw new SecretKeyError(key);
  return key;
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("base64url").slice(0, 8);

export function encryptSecret(plain: string, key: Buffer = secretKey()): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", keyId(key), nonce.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, key: Buffer = secretKey()): string {
  const [version, id, nonce, tag, body] = sealed.split(".");
  if (version !== "v1" || body === undefined) throw new SecretKeyError("Stored credentials are not in a known format.");
  if (id !== keyId(key)) throw new SecretKeyError("Stored credentials were encrypted with another KEEPER_SECRET_KEY; enter them again.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError("Stored credentials failed their integrity check (tampered or corrupt); enter them again.");
  }
}
