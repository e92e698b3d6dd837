import { spawn } from "node:child_process";
import { join } from "node:path";

const NEXT_BIN = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/** Runs `next <args>` in the foreground and resolves with its exit code; forwards Ctrl-C/TERM. */
export function runNext(args: string[], env: NodeJS.ProcessEnv, onOutput?: (line: string) => void): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { env, stdio: onOutput ? ["inherit", "pipe", "inherit"] : "inherit" });
    if (onOutput && child.stdout) {
      child.stdout.on("data", (chunk: Buffer) => {
        process.stdout.write(chunk);
        for (const line of chunk.toString().split("\n")) if (line.trim()) onOutput(line);
      });
    }
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

export function port(): string {
  return process.env.PORT || "3000";
}
