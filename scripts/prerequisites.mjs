// The system packages the platform and its tests need, in one list: `.ci/run`, `npm test` (through
// check-prerequisites.mjs) and `npm run doctor` all read it. Plain Node, no dependency and no
// import.meta, so it runs before `npm install` and jest can load it. Decision 0130.
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Each entry: the Debian package, what proves it is present (a command on PATH, or any one of some
 * files), and why the project needs it.
 * @typedef {{ package: string, command?: string, files?: string[], why: string }} Prerequisite
 * @type {Prerequisite[]}
 */
export const PREREQUISITES = [
  { package: 'chromium', command: 'chromium', why: 'the end-to-end journeys and screenshots (Playwright drives Debian’s Chromium)' },
  { package: 'poppler-utils', command: 'pdfsig', why: 'pdfsig judges the platform’s signatures independently' },
  { package: 'poppler-utils', command: 'pdftoppm', why: 'pdftoppm renders pages to check what is drawn' },
  { package: 'libnss3-tools', command: 'certutil', why: 'certutil fills the NSS database pdfsig trusts' },
  { package: 'openssl', command: 'openssl', why: 'openssl checks certificates, CMS, timestamps and OCSP independently' },
  // OFD tests unpack packages with unzip to check them independently of the engine (decision 0052).
  { package: 'unzip', command: 'unzip', why: 'unzip unpacks OFD packages independently of the engine' },
  // Structural check of the application form the platform writes itself (decision 0025).
  { package: 'qpdf', command: 'qpdf', why: 'qpdf checks the structure of the PDFs the platform writes' },
  {
    package: 'fonts-wqy-microhei',
    files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
    why: 'Chinese glyphs in browser screenshots and pdftoppm renderings',
  },
  // DynamoDB Local runs through a small launcher compiled with javac (decision 0071): a JDK, not a JRE.
  { package: 'openjdk-17-jdk-headless', command: 'javac', why: 'DynamoDB Local runs through a launcher compiled with javac' },
  // SM2 PDF signatures (GB/T 35275) are checked independently with Bouncy Castle in a Java source-file program (decision 0180).
  { package: 'openjdk-17-jdk-headless', command: 'java', why: 'the Bouncy Castle check of SM2 PDF signatures runs in Java' },
  { package: 'libbcprov-java', files: ['/usr/share/java/bcprov.jar'], why: 'Bouncy Castle checks SM2 PDF signatures independently' },
  // The UKey client's tests use a real PKCS#11 token (SoftHSM2) and inspect it with OpenSC's pkcs11-tool (decision 0120).
  {
    package: 'softhsm2',
    files: ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'],
    why: 'the UKey client’s tests run on a SoftHSM2 token',
  },
  { package: 'opensc', command: 'pkcs11-tool', why: 'pkcs11-tool inspects the test token' },
  // pkcs11js is a native addon built by node-gyp against the installed Node's headers.
  { package: 'g++', command: 'g++', why: 'node-gyp compiles the pkcs11js addon' },
  { package: 'make', command: 'make', why: 'node-gyp compiles the pkcs11js addon' },
];

/** Whether `command` is an executable file in one of PATH's folders. */
export function onPath(command, searchPath = process.env.PATH ?? '') {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The entries whose proof is absent. */
export function missingPrerequisites(list = PREREQUISITES, { searchPath = process.env.PATH ?? '', exists = existsSync } = {}) {
  return list.filter((p) => (p.command ? !onPath(p.command, searchPath) : !(p.files ?? []).some((f) => exists(f))));
}

/** The Debian packages to install for these entries, each once, in the list's order. */
export function packagesFor(missing) {
  return [...new Set(missing.map((p) => p.package))];
}

/** The exact command that installs them (`sudo` unless already root). */
export function installCommand(packages, { root = false } = {}) {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** What each missing entry lacked, for the lines after the command: `pdfsig (poppler-utils): why`. */
export function describeMissing(missing) {
  return missing.map((p) => `  ${p.command ?? p.files?.[0]} (${p.package}): ${p.why}`);
}
