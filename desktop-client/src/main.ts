import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Pkcs11Token } from './token/pkcs11-token';
import { startUkeyClient } from './server';

/** The port the platform's pages look for the client on (a user's PC runs one client). */
export const DEFAULT_PORT = 17810;
export const DEFAULT_ORIGINS = ['http://localhost:8080', 'http://127.0.0.1:8080'];
/** Where Debian and the usual vendor installs put a PKCS#11 module; `--module` names another. */
const KNOWN_MODULES = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
];

const USAGE = `用法: npm run ukey-client -- [--module PKCS11库路径] [--port 端口] [--origin 平台网址 ...]
  --module   UKey厂商提供的PKCS#11库 (默认: UKEY_PKCS11_MODULE 或 SoftHSM2)
  --port     本机端口 (默认: UKEY_CLIENT_PORT 或 ${DEFAULT_PORT}; 0 表示任选空闲端口)
  --origin   允许使用本客户端的平台网址，可重复 (默认: UKEY_CLIENT_ORIGINS 或 ${DEFAULT_ORIGINS.join(', ')})
`;

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      module: { type: 'string' },
      port: { type: 'string' },
      origin: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(USAGE);
  const modulePath = values.module ?? process.env.UKEY_PKCS11_MODULE ?? KNOWN_MODULES.find((m) => existsSync(m));
  if (!modulePath || !existsSync(modulePath)) {
    process.stderr.write(`未找到UKey的PKCS#11库${modulePath ? `: ${modulePath}` : ''}，请用 --module 指定UKey厂商提供的库文件\n${USAGE}`);
    process.exit(2);
  }
  const port = Number(values.port ?? process.env.UKEY_CLIENT_PORT ?? DEFAULT_PORT);
  const origins =
    values.origin ??
    process.env.UKEY_CLIENT_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean) ??
    DEFAULT_ORIGINS;
  if (!Number.isInteger(port) || port < 0 || port > 65535 || origins.some((o) => !/^https?:\/\/[^/]+$/.test(o))) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const token = new Pkcs11Token(modulePath);
  const client = await startUkeyClient({ token, allowedOrigins: origins, port });
  // The journey and scripts read this line to learn the port.
  process.stdout.write(`UKey签章客户端已启动: ${client.url} (PKCS#11: ${modulePath}; 允许的网址: ${origins.join(', ')})\n`);
  const stop = () => void client.close().then(() => (token.close(), process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
