import { parseArgs } from 'node:util';
import { startLocalKms } from './index';

/**
 * Runs the local KMS endpoint on its own:
 *   npx tsx functions/dev/kms-server/main.ts --port 13000 --data-dir .data/kms
 * then set KMS_ENDPOINT=http://127.0.0.1:13000 for the functions.
 */
const { values } = parseArgs({
  options: { port: { type: 'string', default: '13000' }, 'data-dir': { type: 'string' }, region: { type: 'string' } },
});

void (async () => {
  const dataDir = values['data-dir'];
  const kms = await startLocalKms({
    port: Number(values.port),
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(values.region === undefined ? {} : { defaultRegion: values.region }),
  });
  console.log(`local KMS listening on ${kms.endpoint} ${dataDir ? `(keys in ${dataDir})` : '(in memory)'}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void kms.stop().then(() => process.exit(0)));
  }
})();
