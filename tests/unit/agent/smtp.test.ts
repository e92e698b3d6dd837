import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseSmtpUrl, sendAll } from "@/lib/mail/smtp";
import { startFakeSmtp, type FakeSmtp } from "./fake-smtp";

let server: FakeSmtp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("SMTP_URL", () => {
  it("reads host, port, credentials and sender, with sensible defaults", () => {
    const c = parseSmtpUrl("smtp://keeper%40corp:p%40ss@mail.example.com?from=keeper@example.com");
    expect(c).toMatchObject({
      host: "mail.example.com",
      port: 587,
      implicitTls: false,
      user: "keeper@corp",
      password: "p@ss",
      from: "keeper@example.com",
    });
    expect(parseSmtpUrl("smtps://mail.example.com").port).toBe(465);
    expect(parseSmtpUrl("smtps://mail.example.com").implicitTls).toBe(true);
    expect(parseSmtpUrl("smtp://127.0.0.1:2525").user).toBeNull();
  });

  it("refuses anything that is not smtp:// or smtps://, and a bad sender", () => {
    expect(() => parseSmtpUrl("http://mail.example.com")).toThrow(/smtp/);
    expect(() => parseSmtpUrl("smtp://mail.example.com?from=not-an-address")).toThrow(/from/);
  });
});

describe("sending through a (fake) SMTP server on 127.0.0.1", () => {
  it("authenticates with AUTH PLAIN and delivers each message in one session", async () => {
    server = await startFakeSmtp({ user: "keeper", password: "s3cret" });
    const config = parseSmtpUrl(`smtp://keeper:s3cret@127.0.0.1:${server.port}?from=keeper@example.com`);
    const outcomes = await sendAll(config, [
      { id: 1, to: "ava@example.com", subject: "First", body: "Hello Ava\n.dot line" },
      { id: 2, to: "mia@example.com", subject: "Second", body: "Hello Mia" },
    ]);
    expect(outcomes).toEqual([{ ok: true }, { ok: true }]);
    expect(server.auth).toEqual(["\0keeper\0s3cret"]);
    expect(server.messages.map((m) => [m.from, m.to])).toEqual([
      ["<keeper@example.com>", ["ava@example.com"]],
      ["<keeper@example.com>", ["mia@example.com"]],
    ]);
    expect(server.messages[0].data).toContain("Subject: First");
    // A line starting with a dot must be dot-stuffed, or the server would end the message there.
    expect(server.messages[0].data).toContain("\r\n..dot line");
  });

  it("reports a refused recipient for that message only and carries on with the next", async () => {
    server = await startFakeSmtp({ rejectRcpt: (a) => a.startsWith("gone@") });
    const config = parseSmtpUrl(`smtp://127.0.0.1:${server.port}?from=keeper@example.com`);
    const outcomes = await sendAll(config, [
      { to: "gone@example.com", subject: "x", body: "x" },
      { to: "ava@example.com", subject: "y", body: "y" },
    ]);
    expect(outcomes[0]).toEqual({ ok: false, error: expect.stringContaining("550") });
    expect(outcomes[1]).toEqual({ ok: true });
    expect(server.messages.map((m) => m.to)).toEqual([["ava@example.com"]]);
  });

  it("fails every message when the password is wrong, sending none", async () => {
    server = await startFakeSmtp({ user: "keeper", password: "right" });
    const config = parseSmtpUrl(`smtp://keeper:wrong@127.0.0.1:${server.port}?from=keeper@example.com`);
    const outcomes = await sendAll(config, [
      { to: "ava@example.com", subject: "x", body: "x" },
      { to: "mia@example.com", subject: "y", body: "y" },
    ]);
    expect(outcomes.every((o) => !o.ok && o.error.includes("535"))).toBe(true);
    expect(server.messages).toEqual([]);
  });

  it("fails every message, without throwing, when nothing listens", async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const outcomes = await sendAll(parseSmtpUrl(`smtp://127.0.0.1:${port}?from=keeper@example.com`), [
      { to: "ava@example.com", subject: "x", body: "x" },
    ]);
    expect(outcomes).toEqual([{ ok: false, error: expect.stringContaining("could not connect") }]);
  });

  it("refuses an invalid recipient address before talking to the server about it", async () => {
    server = await startFakeSmtp();
    const outcomes = await sendAll(parseSmtpUrl(`smtp://127.0.0.1:${server.port}?from=keeper@example.com`), [
      { to: "a@b.c>\r\nRCPT TO:<x@y.z", subject: "x", body: "x" },
    ]);
    expect(outcomes[0].ok).toBe(false);
    expect(server.commands.some((c) => c.startsWith("RCPT"))).toBe(false);
  });
});

/** A throwaway self-signed certificate for 127.0.0.1, made with openssl when the machine has it. */
function selfSigned(): { key: string; cert: string } | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), "keeper-tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        join(dir, "k.pem"),
        "-out",
        join(dir, "c.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    const pair = { key: readFileSync(join(dir, "k.pem"), "utf8"), cert: readFileSync(join(dir, "c.pem"), "utf8") };
    rmSync(dir, { recursive: true, force: true });
    return pair;
  } catch {
    return null;
  }
}
const tls = selfSigned();

describe.skipIf(!tls)("STARTTLS", () => {
  it("upgrades when the server offers it, says EHLO again and authenticates only inside TLS", async () => {
    server = await startFakeSmtp({ user: "keeper", password: "s3cret", tls: tls! });
    const config = parseSmtpUrl(`smtp://keeper:s3cret@127.0.0.1:${server.port}?from=keeper@example.com&tls_insecure=1`);
    const outcomes = await sendAll(config, [{ to: "ava@example.com", subject: "Over TLS", body: "secret words" }]);
    expect(outcomes).toEqual([{ ok: true }]);
    expect(server.commands).toContain("STARTTLS");
    expect(server.secureCommands[0]).toMatch(/^EHLO /);
    expect(server.secureCommands).toContain("AUTH PLAIN ***");
    expect(server.messages[0].data).toContain("secret words");
  });

  it("refuses a server certificate it cannot verify unless told otherwise", async () => {
    server = await startFakeSmtp({ tls: tls! });
    const outcomes = await sendAll(parseSmtpUrl(`smtp://127.0.0.1:${server.port}?from=keeper@example.com`), [
      { to: "ava@example.com", subject: "x", body: "x" },
    ]);
    expect(outcomes[0]).toEqual({ ok: false, error: expect.stringMatching(/could not connect.*(self-signed|certificate)/i) });
    expect(server.messages).toEqual([]);
  });
});
