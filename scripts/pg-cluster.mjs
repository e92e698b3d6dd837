#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster for the test suite (`npm run test:pg`, `.ci/run`).
 *
 * Why: the Vitest suite runs against both engines (issue #17), and a fresh machine has PostgreSQL's
 * binaries (Debian's `postgresql` package) but no server we may touch. So this script runs
 * `initdb` in a temporary directory, starts `postgres` on a free loopback port with its socket in
 * that directory, and removes all of it afterwards. Nothing is shared with a system cluster.
 *
 * fsync, synchronous_commit and full_page_writes are OFF: the cluster is deleted after the run, so
 * durability buys nothing and costs seconds per test file. NEVER use these settings for real data.
 *
 *   node scripts/pg-cluster.mjs start [--dir D] [--port P]   prints DATABASE_URL=… and KEEPER_PG_DIR=…
 *   node scripts/pg-cluster.mjs stop [--dir D]               stops it and removes the directory
 *   node scripts/pg-cluster.mjs run -- COMMAND [ARGS…]       start, run COMMAND with DATABASE_URL, stop
 *
 * `run` starts nothing when DATABASE_URL is already a postgres:// URL: the command uses that server.
 * PostgreSQL refuses to run as root; as root, the cluster runs as user `postgres` (created by the
 * Debian package) or, failing that, a system user `keeperpg` created here.
 * Node built-ins only: this runs before anything else is known to work.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";

const MIN_VERSION = 15;
const DATABASE = "keeper";
const SUPERUSER = "keeper";
const STATE_FILE = "keeper-pg-cluster.json";
/** Where `stop` without --dir finds the last cluster `start` made (one per machine user). */
const LAST_STATE = join(tmpdir(), `keeper-pg-cluster-${process.getuid?.() ?? "user"}.json`);

function log(message) {
  process.stderr.write(`pg-cluster: ${message}\n`);
}

function fail(message) {
  log(message);
  process.exit(1);
}

function versionOf(pgCtl) {
  const out = spawnSync(pgCtl, ["--version"], { encoding: "utf8" });
  const match = /(\d+)(?:\.\d+)?/.exec(out.stdout ?? "");
  return match ? Number(match[1]) : 0;
}

/** The directory holding pg_ctl, initdb, postgres and createdb, version 15 or later. */
function findBinDir() {
  const candidates = [];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const pgCtl = join(dir, "pg_ctl");
    if (dir && existsSync(pgCtl) && existsSync(join(dir, "initdb"))) {
      // Debian links only some binaries into PATH; the real directory has all of them.
      candidates.push(dirname(realpathSync(pgCtl)));
    }
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join(debian, version, "bin"));
  }
  for (const dir of candidates) {
    const required = ["pg_ctl", "initdb", "postgres", "createdb"];
    if (required.every((name) => existsSync(join(dir, name))) && versionOf(join(dir, "pg_ctl")) >= MIN_VERSION) return dir;
  }
  fail(
    `no PostgreSQL ${MIN_VERSION}+ binaries (pg_ctl, initdb) on PATH or under ${debian}/*/bin. On Debian: apt-get install -y postgresql`,
  );
}

function userExists(name) {
  return spawnSync("id", ["-u", name], { stdio: "ignore" }).status === 0;
}

/** As root, the unprivileged user the server runs as; otherwise undefined (run as ourselves). */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  if (userExists("postgres")) return "postgres";
  if (!userExists("keeperpg")) {
    log("running as root and there is no user postgres: creating system user keeperpg");
    execFileSync("useradd", ["-r", "-M", "-s", "/usr/sbin/nologin", "keeperpg"], { stdio: "inherit" });
  }
  return "keeperpg";
}

function idsOf(user) {
  const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as `user` via runuser when we are root. */
function pgExec(user, binary, args, options = {}) {
  const [command, argv] = user ? ["runuser", ["-u", user, "--", binary, ...args]] : [binary, args];
  const result = spawnSync(command, argv, { encoding: "utf8", ...options });
  if (result.error) throw result.error;
  return result;
}

/**
 * Memory (/dev/shm) when it has room, else the temp folder: each test copies a template database,
 * and on a disk that copy is several times slower. Docker's default /dev/shm is 64 MB: too small.
 */
function scratchParent() {
  const shm = "/dev/shm";
  try {
    const { bavail, bsize } = statfsSync(shm);
    if (bavail * bsize >= 1024 ** 3) return shm;
  } catch {
    // no /dev/shm (macOS): the temp folder
  }
  return tmpdir();
}

function freePort() {
  return new Promise((done, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function parseOptions(args) {
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--dir") options.dir = args[++i];
    else if (arg === "--port") options.port = Number(args[++i]);
    else if (arg.startsWith("--dir=")) options.dir = arg.slice(6);
    else if (arg.startsWith("--port=")) options.port = Number(arg.slice(7));
    else fail(`unknown option ${arg}`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port > 0 && options.port < 65536)) {
    fail("--port needs a port number");
  }
  return options;
}

async function start({ dir, port } = {}, { remember = true } = {}) {
  const started = Date.now();
  const bin = findBinDir();
  const user = serverUser();
  const base = dir ? resolve(dir) : mkdtempSync(join(scratchParent(), "keeper-pg-"));
  mkdirSync(base, { recursive: true });
  if (existsSync(join(base, "data"))) fail(`${base}/data already exists; stop that cluster first (pg-cluster.mjs stop --dir ${base})`);
  if (user) {
    const { uid, gid } = idsOf(user);
    chownSync(base, uid, gid);
    if (pgExec(user, "test", ["-w", base], { cwd: "/" }).status !== 0) {
      if (!dir) cleanup({ dir: base });
      fail(`user ${user} cannot reach ${base}: every folder above it must be searchable by ${user} (e.g. use a folder under ${tmpdir()})`);
    }
  }
  const data = join(base, "data");
  const logFile = join(base, "postgres.log");
  const state = { dir: base, data, bin, user: user ?? null, port: null, url: null, pid: process.pid };
  writeFileSync(join(base, STATE_FILE), JSON.stringify(state, null, 2));
  // runuser keeps our cwd, which the server user may not be allowed to enter.
  const cwd = base;

  const init = pgExec(user, join(bin, "initdb"), ["-D", data, "--auth=trust", "--no-locale", "-E", "UTF8", "-U", SUPERUSER, "--no-sync"], {
    cwd,
  });
  if (init.status !== 0) {
    process.stderr.write(init.stdout + init.stderr);
    cleanup(state);
    fail("initdb failed");
  }

  // A port picked by binding port 0 can be taken again before postgres binds it: try a few.
  let chosen;
  for (let attempt = 1; attempt <= (port ? 1 : 5); attempt++) {
    const candidate = port ?? (await freePort());
    const settings = [
      `-p ${candidate}`,
      `-k ${base}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=300",
      // No replicas and no archive: the least WAL (CREATE DATABASE, CREATE TABLE, COPY).
      "-c wal_level=minimal",
      "-c max_wal_senders=0",
    ].join(" ");
    const run = pgExec(user, join(bin, "pg_ctl"), ["-D", data, "-l", logFile, "-w", "-t", "60", "-o", settings, "start"], { cwd });
    if (run.status === 0) {
      chosen = candidate;
      break;
    }
    log(`pg_ctl start on port ${candidate} failed (attempt ${attempt}):\n${run.stdout}${run.stderr}${tail(logFile)}`);
  }
  if (!chosen) {
    cleanup(state);
    fail("could not start PostgreSQL");
  }
  state.port = chosen;
  state.url = `postgres://${SUPERUSER}@127.0.0.1:${chosen}/${DATABASE}`;
  writeFileSync(join(base, STATE_FILE), JSON.stringify(state, null, 2));
  if (remember) writeFileSync(LAST_STATE, JSON.stringify(state, null, 2));

  const create = pgExec(user, join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(chosen), "-U", SUPERUSER, DATABASE], { cwd });
  if (create.status !== 0) {
    process.stderr.write(create.stdout + create.stderr);
    stop(state);
    fail("createdb failed");
  }
  log(
    `PostgreSQL ${versionOf(join(bin, "pg_ctl"))} on 127.0.0.1:${chosen}, data in ${data}${user ? ` (as ${user})` : ""}, ready in ${Date.now() - started} ms`,
  );
  return state;
}

function tail(file) {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}

function cleanup(state) {
  rmSync(state.dir, { recursive: true, force: true });
}

function readState(dir) {
  const file = dir ? join(resolve(dir), STATE_FILE) : LAST_STATE;
  if (!existsSync(file)) fail(dir ? `no cluster state in ${dir}` : `no cluster started (no ${LAST_STATE}); pass --dir`);
  return JSON.parse(readFileSync(file, "utf8"));
}

function stop(state) {
  if (existsSync(join(state.data, "postmaster.pid"))) {
    // immediate: no shutdown checkpoint, since the data is deleted next.
    const run = pgExec(state.user ?? undefined, join(state.bin, "pg_ctl"), ["-D", state.data, "-m", "immediate", "-w", "stop"], {
      cwd: state.dir,
    });
    if (run.status !== 0) log(`pg_ctl stop failed:\n${run.stdout}${run.stderr}`);
  }
  cleanup(state);
  try {
    if (existsSync(LAST_STATE) && JSON.parse(readFileSync(LAST_STATE, "utf8")).dir === state.dir) rmSync(LAST_STATE);
  } catch {
    // a state file we cannot read is not ours to remove
  }
}

async function runWith(command) {
  if (command.length === 0) fail("run needs a command: pg-cluster.mjs run -- COMMAND [ARGS…]");
  const existing = process.env.DATABASE_URL ?? "";
  let state;
  if (/^postgres(ql)?:\/\//i.test(existing)) {
    log("DATABASE_URL is already a PostgreSQL URL: using that server, starting none");
  } else {
    state = await start({}, { remember: false });
  }
  // KEEPER_PG_THROWAWAY tells the browser tests' server it may empty this database (tests/e2e/serve.mjs).
  const env = { ...process.env, ...(state ? { DATABASE_URL: state.url, KEEPER_PG_THROWAWAY: "1" } : {}) };
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
  const forward = (signal) => () => child.kill(signal);
  const handlers = ["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => [signal, forward(signal)]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const code = await new Promise((done) => {
    child.on("error", (error) => {
      log(`could not run ${command[0]}: ${error.message}`);
      done(127);
    });
    child.on("exit", (exitCode, signal) => done(exitCode ?? 128 + (signal ? osSignal(signal) : 1)));
  });
  for (const [signal, handler] of handlers) process.off(signal, handler);
  if (state) stop(state);
  process.exit(code);
}

function osSignal(name) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[name] ?? 1;
}

async function main() {
  const [action, ...rest] = process.argv.slice(2);
  if (action === "start") {
    const state = await start(parseOptions(rest));
    process.stdout.write(`DATABASE_URL=${state.url}\nKEEPER_PG_DIR=${state.dir}\n`);
  } else if (action === "stop") {
    stop(readState(parseOptions(rest).dir));
  } else if (action === "run") {
    const at = rest.indexOf("--");
    await runWith(at === -1 ? rest : rest.slice(at + 1));
  } else {
    fail("usage: pg-cluster.mjs start [--dir D] [--port P] | stop [--dir D] | run -- COMMAND [ARGS…]");
  }
}

main().catch((error) => fail(error?.stack ?? String(error)));
