import {
  formatReport,
  judgeDisk,
  judgeInstall,
  judgeJava,
  judgeNode,
  judgePackages,
  judgePorts,
  startPorts,
} from '../../scripts/doctor-checks.mjs';

describe('npm run doctor: each item judged, each failing one with its fix', () => {
  it('wants the Node of package.json’s engines', () => {
    expect(judgeNode('v20.20.2', '>=20')).toMatchObject({ ok: true });
    expect(judgeNode('v22.1.0', '>=20')).toMatchObject({ ok: true });
    expect(judgeNode('v18.19.0', '>=20')).toMatchObject({
      ok: false,
      detail: 'v18.19.0, needs >=20',
      fix: expect.stringContaining('Node.js 20 or later'),
    });
  });

  it('wants a JDK 17 or later, javac and not only java', () => {
    expect(judgeJava('javac 17.0.15\n')).toMatchObject({ ok: true, detail: 'javac 17.0.15' });
    expect(judgeJava('javac 21.0.2')).toMatchObject({ ok: true });
    expect(judgeJava('javac 1.8.0_402')).toMatchObject({
      ok: false,
      fix: expect.stringContaining('sudo apt-get install -y --no-install-recommends openjdk-17-jdk-headless'),
    });
    expect(judgeJava(null, { root: true })).toMatchObject({
      ok: false,
      detail: 'javac not found',
      fix: expect.stringMatching(/^apt-get install -y --no-install-recommends openjdk-17-jdk-headless/),
    });
  });

  it('checks the ports npm start uses, as start.ts derives them', () => {
    expect(startPorts({}).map((p) => p.port)).toEqual([8080, 8090, 8091, 8092]);
    expect(startPorts({ PORT: '9000', S3_PORT: '7000' }).map((p) => p.port)).toEqual([9000, 9010, 7000, 9012]);
    const ports = startPorts({});
    expect(judgePorts(ports, [])).toMatchObject({ ok: true, detail: 'free: 8080, 8090, 8091, 8092' });
    expect(judgePorts(ports, [8091, 3000])).toMatchObject({
      ok: false,
      detail: 'in use: 8091 (S3 (S3_PORT))',
      fix: "stop what listens there (ss -ltnp 'sport = :8091'; a platform already started?) or start on others: PORT=9080 npm start",
    });
  });

  it('wants 2 GiB free', () => {
    expect(judgeDisk(3 * 1024 ** 3, '/src')).toMatchObject({ ok: true, detail: '3.0 GiB free under /src' });
    expect(judgeDisk(0.5 * 1024 ** 3, '/src')).toMatchObject({
      ok: false,
      detail: '0.5 GiB free under /src, needs 2.0 GiB',
      fix: expect.stringContaining('.data'),
    });
  });

  it('gives the install command for the missing system packages, and npm install when node_modules is missing', () => {
    expect(judgePackages([])).toMatchObject({ ok: true });
    const missing = [
      { package: 'poppler-utils', command: 'pdfsig', why: '' },
      { package: 'poppler-utils', command: 'pdftoppm', why: '' },
      { package: 'softhsm2', files: ['/usr/lib/softhsm/libsofthsm2.so'], why: '' },
    ];
    expect(judgePackages(missing)).toEqual({
      name: 'system packages',
      ok: false,
      detail: 'missing: pdfsig (poppler-utils), pdftoppm (poppler-utils), /usr/lib/softhsm/libsofthsm2.so (softhsm2)',
      fix: 'sudo apt-get install -y --no-install-recommends poppler-utils softhsm2',
    });
    expect(judgeInstall(false)).toMatchObject({ ok: false, fix: 'npm install' });
  });

  it('prints one line per item and the fix under each failing one', () => {
    const report = formatReport([judgeNode('v20.1.0', '>=20'), judgeInstall(false)]);
    expect(report.split('\n')).toEqual([
      'ok    Node.js: v20.1.0 (needs >=20)',
      'FAIL  npm install: node_modules missing',
      '      fix: npm install',
      '1 to fix.',
    ]);
  });
});
