import path from 'node:path';
import { readRegistrySeed } from '../../src/adapters/registry/seed';
import { startLocalStack } from './stack';
import { tour } from './tour';

/** `npm start`: the whole platform on http://localhost:8080 (PORT overrides), until Ctrl-C. */
const root = path.resolve(__dirname, '../../..');
// Lambda runs Node 22; the SDK's notice about this machine's Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = process.env.DATA_DIR ?? path.join(root, '.data');
  const started = Date.now();
  const stack = await startLocalStack({
    port,
    // Loopback only unless HOST says otherwise (e.g. HOST=0.0.0.0 to open the apps to a phone on the LAN).
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    dataDir,
    dynamoPort: Number(process.env.DYNAMODB_PORT ?? port + 10),
    s3Port: Number(process.env.S3_PORT ?? port + 11),
    kmsPort: Number(process.env.KMS_PORT ?? port + 12),
    staticRoots: [
      { prefix: '/web/', dir: path.join(root, 'web/dist') },
      { prefix: '/', dir: path.join(root, 'miniprogram/dist-h5') },
    ],
    log: (line) => console.log(`  ${line}`),
  });
  console.log(`
电子印章平台 (local) is up in ${((Date.now() - started) / 1000).toFixed(1)} s
  mini-program (H5)   ${stack.url}/
  desktop site        ${stack.url}/web/
  API                 ${stack.url}/v1/health
  DynamoDB Local      ${stack.endpoints.dynamodb}
  S3 (s3rver, SigV4)  ${stack.endpoints.s3}
  KMS (local)         ${stack.endpoints.kms}
  data                ${stack.dataDir}

${tour(readRegistrySeed(), stack.url).join('\n')}

Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping...');
    await stack.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
