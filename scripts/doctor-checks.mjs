// The judgements of `npm run doctor`, as plain functions of what was observed (doctor.mjs observes),
// so they are tested without the machine's state. Each returns { name, ok, detail, fix? }.
import { installCommand, packagesFor } from './prerequisites.mjs';

export const MIN_FREE_BYTES = 2 * 1024 ** 3;
export const MIN_JAVA = 17;

/** Node against package.json's `engines.node` (">=20"). */
export function judgeNode(version, engines) {
  const need = Number(/(\d+)/.exec(engines ?? '')?.[1] ?? 0);
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  return major >= need
    ? { name: 'Node.js', ok: true, detail: `${version} (needs ${engines})` }
    : {
        name: 'Node.js',
        ok: false,
        detail: `${version}, needs ${engines}`,
        fix: `install Node.js ${need} or later (https://nodejs.org/, or nvm install ${need})`,
      };
}

/** `javac -version`'s output (null when javac could not be run): a JDK 17 or later. */
export function judgeJava(output, { root = false } = {}) {
  const fix = `${installCommand(['openjdk-17-jdk-headless'], { root })} (DynamoDB Local needs a JDK, not only a JRE)`;
  if (output == null) return { name: 'Java (javac)', ok: false, detail: 'javac not found', fix };
  const major = Number(/javac (?:1\.)?(\d+)/.exec(output)?.[1] ?? 0);
  return major >= MIN_JAVA
    ? { name: 'Java (javac)', ok: true, detail: output.trim() }
    : { name: 'Java (javac)', ok: false, detail: `${output.trim()}, needs ${MIN_JAVA} or later`, fix };
}

/**
 * The ports `npm start` listens on, from the same variables start.ts reads: the platform (PORT,
 * 8080), DynamoDB Local (+10), the local S3 (+11) and the local KMS endpoint (+12).
 */
export function startPorts(env = {}) {
  const port = Number(env.PORT ?? 8080);
  return [
    { what: 'platform (PORT)', port },
    { what: 'DynamoDB Local (DYNAMODB_PORT)', port: Number(env.DYNAMODB_PORT ?? port + 10) },
    { what: 'S3 (S3_PORT)', port: Number(env.S3_PORT ?? port + 11) },
    { what: 'KMS (KMS_PORT)', port: Number(env.KMS_PORT ?? port + 12) },
  ];
}

/** `busy`: the ports something already listens on. */
export function judgePorts(ports, busy) {
  const taken = ports.filter((p) => busy.includes(p.port));
  if (taken.length === 0) return { name: 'ports', ok: true, detail: `free: ${ports.map((p) => p.port).join(', ')}` };
  const first = taken[0].port;
  return {
    name: 'ports',
    ok: false,
    detail: `in use: ${taken.map((p) => `${p.port} (${p.what})`).join(', ')}`,
    fix: `stop what listens there (ss -ltnp 'sport = :${first}'; a platform already started?) or start on others: PORT=${ports[0].port + 1000} npm start`,
  };
}

/** Free bytes on the disk holding the project (node_modules, builds, .data). */
export function judgeDisk(freeBytes, where) {
  const gib = (n) => `${(n / 1024 ** 3).toFixed(1)} GiB`;
  return freeBytes >= MIN_FREE_BYTES
    ? { name: 'disk', ok: true, detail: `${gib(freeBytes)} free under ${where}` }
    : {
        name: 'disk',
        ok: false,
        detail: `${gib(freeBytes)} free under ${where}, needs ${gib(MIN_FREE_BYTES)}`,
        fix: `free space there (rm -rf .data starts the local data over; tests/e2e/screenshots can go too)`,
      };
}

/** The system packages of scripts/prerequisites.mjs that are missing. */
export function judgePackages(missing, { root = false } = {}) {
  if (missing.length === 0) return { name: 'system packages', ok: true, detail: 'all present' };
  return {
    name: 'system packages',
    ok: false,
    detail: `missing: ${missing.map((p) => `${p.command ?? p.files?.[0]} (${p.package})`).join(', ')}`,
    fix: installCommand(packagesFor(missing), { root }),
  };
}

/** Whether `npm install` has run (node_modules/.package-lock.json is written by every install). */
export function judgeInstall(installed) {
  return installed
    ? { name: 'npm install', ok: true, detail: 'node_modules present' }
    : { name: 'npm install', ok: false, detail: 'node_modules missing', fix: 'npm install' };
}

/** The report: one line per item, each failing one followed by its fix. */
export function formatReport(items) {
  const lines = items.flatMap((i) => [`${i.ok ? 'ok  ' : 'FAIL'}  ${i.name}: ${i.detail}`, ...(i.ok ? [] : [`      fix: ${i.fix}`])]);
  const failing = items.filter((i) => !i.ok).length;
  lines.push(failing === 0 ? 'All good: npm start, then npm test.' : `${failing} to fix.`);
  return lines.join('\n');
}
