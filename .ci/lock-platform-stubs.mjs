// Adds lockfile entries for optional platform packages (other OS, CPU or libc: Biome's and msgpackr-extract's
// prebuilt binaries) that `npm install` could not resolve because the package mirror it used lacks them. npm would
// have written these entries from a full registry; without them `npm ci` refuses the lockfile. They are never
// installed here: their os/cpu/libc do not match this machine.
// Only needed behind such a mirror: run it after any `npm install` that rewrites package-lock.json there,
// `node .ci/lock-platform-stubs.mjs`. With the public registry, npm writes these entries itself.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const PLATFORM =
  /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(arm64|x64|arm|ia32|ppc64|s390x|riscv64|loong64)(-(musl|gnu|msvc))?$/;
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (lock.packages[`node_modules/${name}`]) continue;
    const match = PLATFORM.exec(name);
    if (!match || !/^\d+\.\d+\.\d+$/.test(range)) {
      console.warn(`left alone: ${name}@${range}`);
      continue;
    }
    const [, os, cpu, , libc] = match;
    lock.packages[`node_modules/${name}`] = {
      version: range,
      cpu: [cpu],
      optional: true,
      os: [os],
      ...(libc === 'musl' || libc === 'gnu' ? { libc: [libc === 'gnu' ? 'glibc' : 'musl'] } : {}),
    };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`platform stubs added: ${added}`);
