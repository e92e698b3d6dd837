// Plain CommonJS so `keeper start`'s supervisor (no TypeScript loader) checks the key with the
// same rule the app decrypts with (lib/connectors/secret-box.ts).
"use strict";

const SECRET_KEY_HELP = "Generate one with: openssl rand -base64 32";

/** The 32-byte key in `value` (base64, base64url or hex), or an error message. */
function parseSecretKey(value) {
  const text = String(value ?? "").trim();
  let key = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (!key || key.length !== 32) return `KEEPER_SECRET_KEY must be 32 bytes, as base64 (44 characters) or hex (64). ${SECRET_KEY_HELP}`;
  return key;
}

module.exports = { parseSecretKey, SECRET_KEY_HELP };
