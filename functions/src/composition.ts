import { loadConfig } from './config/config';
import { platformClock } from './config/clock';
import type { Ports } from './ports';
import { createDocumentClient } from './adapters/dynamodb/client';
import { createDynamoDbStore } from './adapters/dynamodb/store';

export type { Ports };
/** The ports container as handlers and use cases receive it. */
export type Services = Ports;

/**
 * How one port is built: from the environment and the container's other ports, on first use.
 * Each port other than the configuration, the clock and the store has its recipe in a module of
 * its own under composition/ (the one place that port is built), and only the functions whose use
 * cases reach the port import it: a handler names them in its `ports` (define-handler), so a
 * function that never signs carries neither the KMS client nor the SM2 curve (decision 0031).
 */
export interface PortRecipe<K extends ComposedPort = ComposedPort> {
  readonly port: K;
  build(env: NodeJS.ProcessEnv, ports: Ports): Ports[K];
}

/** The ports that come from a recipe; the rest are in every container. */
export type ComposedPort = Exclude<keyof Ports, 'config' | 'now' | 'store'>;

export function portRecipe<K extends ComposedPort>(port: K, build: (env: NodeJS.ProcessEnv, ports: Ports) => Ports[K]): PortRecipe<K> {
  return { port, build };
}

const COMPOSED_PORTS: readonly ComposedPort[] = ['blobs', 'custody', 'platformKeys', 'pinKeys', 'idNumbers', 'faceVerifier', 'registry', 'wechatAuth', 'notifier', 'licences', 'signingQueue'];
const ENV = Symbol('env');
/** Getters standing for a port no recipe was given for. */
const MISSING = new WeakSet<() => unknown>();

/** The recipes every new container gets besides its own: none in a Lambda; every one in tests and the local stack. */
let defaultRecipes: readonly PortRecipe[] = [];

/**
 * The ports of one container: built from the environment, on first use, once per container (a
 * Lambda container keeps it between requests). The configuration, the clock and the store are in
 * every container; the other ports come from `recipes`, and reading one that was not composed is a
 * programming error that names the port (the bundle check in composition/ports-composed.test.ts
 * makes sure every handler composes what its use cases read). The table's entities are built one by
 * one as they are first used (decision 0022).
 */
export function createPorts(env: NodeJS.ProcessEnv = process.env, recipes: readonly PortRecipe[] = defaultRecipes): Ports {
  let config: Ports['config'] | undefined;
  let store: Ports['store'] | undefined;
  const ports = {
    get config() {
      return (config ??= loadConfig(env));
    },
    now: platformClock(env, () => ports.config.STAGE),
    get store() {
      return (store ??= createDynamoDbStore(
        createDocumentClient({ endpoint: ports.config.DYNAMODB_ENDPOINT, region: ports.config.AWS_REGION }),
        ports.config.TABLE_NAME,
      ));
    },
  } as Ports;
  Object.defineProperty(ports, ENV, { value: env });
  for (const name of COMPOSED_PORTS) {
    const missing = () => {
      throw new Error(`port ${name} is not composed into this function: add composition/${name}'s recipe to its handler's ports`);
    };
    MISSING.add(missing);
    Object.defineProperty(ports, name, { get: missing, configurable: true });
  }
  return composePorts(ports, recipes);
}

/**
 * Adds the recipes' ports that the container lacks, each built on first use and kept with the
 * container. A port already there (composed before, or replaced by a test) is left as it is.
 */
export function composePorts<S extends Ports>(services: S, recipes: readonly PortRecipe[]): S {
  const env = (services as unknown as Record<typeof ENV, NodeJS.ProcessEnv | undefined>)[ENV] ?? process.env;
  for (const { port: name, build } of recipes) {
    if (composed(services, name)) continue;
    let port: unknown;
    let made = false;
    Object.defineProperty(services, name, {
      get: () => {
        if (!made) [port, made] = [build(env, services), true];
        return port;
      },
      configurable: true,
    });
  }
  return services;
}

function composed(services: object, name: string): boolean {
  for (let o: object | null = services; o; o = Object.getPrototypeOf(o) as object | null) {
    const own = Object.getOwnPropertyDescriptor(o, name);
    if (own) return !(own.get && MISSING.has(own.get));
  }
  return false;
}

/**
 * The same ports with some replaced (tests: a custody that pauses inside `signerFor`, a registry
 * that plays a change); the others are the base's, built on first use as before.
 */
export function replacePorts(base: Ports, overrides: Partial<Ports>): Ports {
  return Object.defineProperties(
    Object.create(base) as Ports,
    Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, { value, enumerable: true, writable: true }])),
  );
}

let cached: Ports | undefined;

/** This container's ports (built from the environment on first call). */
export function getServices(): Ports {
  return (cached ??= createPorts());
}

/** Tests and the local stack replace the container (e.g. after changing the environment). */
export function setServices(services: Ports | undefined): void {
  cached = services;
}

/**
 * Tests and the local stack (one container for every route) compose every port into each new
 * container (composition/every-port.ts); a Lambda composes only its handler's.
 */
export function setDefaultPorts(recipes: readonly PortRecipe[]): void {
  defaultRecipes = recipes;
}

/**
 * Adds a port to the container itself, built on first use. Ports that only some functions use are
 * added this way by their own composition module (composition-signing.ts, ...), which only those
 * functions' entry points import: esbuild cannot drop an unused export whose modules run code when
 * loaded (ASN.1 schema classes, a JMESPath parser), so a port wired here would be in every bundle.
 * On the container itself, so per-container caches keyed on the services still hit; each port has
 * its own name, so the local stack (one container for every route) holds all of them at once.
 */
export function withPort<S extends Ports, K extends string, T>(services: S, name: K, build: () => T): S & Record<K, T> {
  if (!Object.hasOwn(services, name)) {
    let port: T | undefined;
    Object.defineProperty(services, name, { get: () => (port ??= build()), enumerable: false });
  }
  return services as S & Record<K, T>;
}
