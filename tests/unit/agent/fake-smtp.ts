import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { TLSSocket } from "node:tls";

/** A scripted SMTP server on 127.0.0.1 for tests: records what it is told, refuses what it is told to. */
export interface FakeSmtp {
  port: number;
  commands: string[];
  auth: string[];
  messages: { from: string; to: string[]; data: string }[];
  /** Commands received after STARTTLS completed, e.g. to check AUTH was encrypted. */
  secureCommands: string[];
  close: () => Promise<void>;
}

export async function startFakeSmtp(
  options: { user?: string; password?: string; rejectRcpt?: (address: string) => boolean; tls?: { key: string; cert: string } } = {},
): Promise<FakeSmtp> {
  const state: Omit<FakeSmtp, "port" | "close"> = { commands: [], auth: [], messages: [], secureCommands: [] };
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let data: string[] = [];
    let from = "";
    let to: string[] = [];
    let stream: Socket | TLSSocket = socket;
    const reply = (text: string) => stream.write(`${text}\r\n`);
    reply("220 fake.test ESMTP ready");
    const onData = (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            state.messages.push({ from, to, data: data.join("\r\n") });
            data = [];
            reply("250 2.0.0 queued");
          } else data.push(line);
          continue;
        }
        const shown = line.startsWith("AUTH PLAIN") ? "AUTH PLAIN ***" : line;
        state.commands.push(shown);
        if (stream !== socket) state.secureCommands.push(shown);
        const verb = line.split(" ")[0].toUpperCase();
        if (verb === "EHLO")
          stream.write(
            `250-fake.test\r\n250-8BITMIME\r\n${options.tls && stream === socket ? "250-STARTTLS\r\n" : ""}250 AUTH PLAIN LOGIN\r\n`,
          );
        else if (verb === "STARTTLS" && options.tls) {
          reply("220 2.0.0 ready to start TLS");
          socket.removeListener("data", onData);
          const secure = new TLSSocket(socket, { isServer: true, key: options.tls.key, cert: options.tls.cert });
          secure.setEncoding("utf8");
          secure.on("data", onData);
          secure.on("error", () => undefined);
          stream = secure;
        } else if (verb === "AUTH") {
          const token = Buffer.from(line.split(" ")[2] ?? "", "base64").toString("utf8");
          state.auth.push(token);
          reply(token === `\0${options.user}\0${options.password}` ? "235 2.7.0 ok" : "535 5.7.8 authentication failed");
        } else if (verb === "MAIL") {
          from = line.slice("MAIL FROM:".length);
          to = [];
          reply("250 ok");
        } else if (verb === "RCPT") {
          const address = line.slice("RCPT TO:".length).replace(/[<>]/g, "");
          if (options.rejectRcpt?.(address)) reply("550 5.1.1 no such user");
          else {
            to.push(address);
            reply("250 ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 go ahead");
        } else if (verb === "RSET") reply("250 ok");
        else if (verb === "QUIT") {
          reply("221 bye");
          stream.end();
        } else reply("502 not implemented");
      }
    };
    socket.on("data", onData);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    ...state,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
