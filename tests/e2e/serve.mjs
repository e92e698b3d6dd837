// Starts the production build on a fresh, seeded demo database for the browser tests.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e.db${suffix}`, { force: true });
execFileSync(process.execPath, ["bin/keeper", "demo", "seed"], { stdio: "inherit" });
const server = spawn(process.execPath, ["bin/keeper", "start"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
