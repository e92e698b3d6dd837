import pino, { type DestinationStream, type Logger } from "pino";

/**
 * The server's structured log: one JSON line per event on stdout (pino), with the request id
 * wherever there is one, so an error a user reports by its id is found in one grep. `LOG_LEVEL`
 * sets the threshold (default `info`; `silent` turns it off).
 *
 * Under Vitest the lines go to console.error (errors) or nowhere (the rest): an error logged
 * during a test must still fail that test (tests/helpers/setup.ts).
 */
function testDestination(): DestinationStream {
  return {
    write(line: string) {
      const { level, msg, ...rest } = JSON.parse(line) as { level: number; msg?: string };
      if (level >= 50) console.error(msg, rest);
    },
  };
}

const holder = globalThis as unknown as { __keeperLogger?: Logger };

function makeLogger(): Logger {
  const options = { level: process.env.LOG_LEVEL || "info", base: { service: "keeper" }, timestamp: pino.stdTimeFunctions.isoTime };
  return process.env.VITEST ? pino(options, testDestination()) : pino(options);
}

export const logger: Logger = (holder.__keeperLogger ??= makeLogger());
