// `npm run doctor`: can this machine run the platform and its tests? Node, Java, the ports `npm
// start` uses, disk space, npm install, the system packages; each failing item with its fix. Plain
// Node, no dependency, so it also runs before `npm install`. Exit 1 when anything fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeDisk, judgeInstall, judgeJava, judgeNode, judgePackages, judgePorts, formatReport, startPorts } from './doctor-checks.mjs';
import { missingPrerequisites } from './prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asRoot = process.getuid?.() === 0;

/** Whether something already listens on the port (where npm start would bind: HOST or loopback). */
function busy(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
const ports = startPorts(process.env);
const taken = [];
for (const p of ports) if (await busy(p.port, process.env.HOST ?? '127.0.0.1')) taken.push(p.port);
const disk = statfsSync(root);

const items = [
  judgeNode(process.version, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node),
  judgeJava(javac.error ? null : `${javac.stdout}${javac.stderr}`, { root: asRoot }),
  judgePorts(ports, taken),
  judgeDisk(disk.bavail * disk.bsize, root),
  judgeInstall(existsSync(path.join(root, 'node_modules/.package-lock.json'))),
  judgePackages(missingPrerequisites(), { root: asRoot }),
];
console.log(formatReport(items));
process.exit(items.every((i) => i.ok) ? 0 : 1);
