import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', 'bin', 'ukey-client.js');

/**
 * Starts the client as a user would (its bin), on a free port, against the SoftHSM2 store in
 * `env.SOFTHSM2_CONF`: a process of its own, since the PKCS#11 module reads its configuration
 * from the process environment when it initializes.
 */
export async function startClientProcess(input: { env: NodeJS.ProcessEnv; origins: string[]; module: string }) {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--module', input.module, ...input.origins.flatMap((o) => ['--origin', o])], {
    env: input.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the UKey client did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const started = /已启动: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve(started[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the UKey client exited (${code}): ${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
