// The registry this project installs from serves only the linux-x64 builds of packages that ship
// per-platform binaries as optional dependencies (Next's swc, Tailwind's oxide, ...). npm then
// leaves the other platforms out of package-lock.json and `npm ci` calls the lock "out of sync".
// This adds a stub entry, tagged with its os/cpu, for every optional dependency the lock is
// missing; npm skips them on other platforms. Run after `npm install <pkg>` changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;
const OS = { darwin: "darwin", linux: "linux", win32: "win32", freebsd: "freebsd", android: "android", wasm32: null };
const CPU = ["arm64", "x64", "arm", "ia32", "wasm32"];
let added = 0;

for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => p in OS && OS[p]);
    const cpu = parts.find((p) => CPU.includes(p));
    packages[key] = { version: version.replace(/^[\^~]/, ""), optional: true, ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
    added += 1;
  }
}
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} platform stub entries to package-lock.json`);
