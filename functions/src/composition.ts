import { readRegistrySeed } from './adapters/registry/seed';
import { loadConfig } from './config/config';
import { platformClock } from './config/clock';
import type { Ports } from './ports';
import { createDocumentClient } from './adapters/dynamodb/client';
import { createDynamoDbStore } from './adapters/dynamodb/store';
import { createObjectStore } from './adapters/s3/object-store';
import { kmsClientFromEnv } from './adapters/aws-kms/client';
import { createKeyCustody } from './adapters/aws-kms';
import { kmsPlatformKeys } from './adapters/aws-kms/kms-platform-keys';
import { defaultSm2PlatformKeyMode } from './adapters/aws-kms/sm2-platform-keys';
import { kmsIdNumberVault } from './adapters/aws-kms/id-number-vault';
import { SimulatedFaceVerifier } from './adapters/face/simulated-face-verifier';
import { WechatFaceVerifier } from './adapters/face/wechat-face-verifier';
import { AccessTokenCache } from './adapters/wechat/access-token';
import { HttpsWechatAuth } from './adapters/wechat/https-wechat-auth';
import { SimulatedWechatAuth } from './adapters/wechat/simulated-wechat-auth';
import { LocalBusinessRegistry } from './adapters/registry/local-registry';
import { SimulatedElectronicLicence } from './adapters/registry/simulated-electronic-licence';
import { WechatSubscribeMessages } from './adapters/wechat/wechat-subscribe-messages';
import { LocalInbox } from './adapters/notifications/local-inbox';
import { loadIdentityConfig } from './domain/identity/identity-config';
import { subscribeTemplates } from './domain/notification/list-notifications';

export type { Ports };
/** The ports container as handlers and use cases receive it. */
export type Services = Ports;

/**
 * The one place each port is built: from the environment, on first use, once per container (a
 * Lambda container keeps it between requests). Each choice is an exhaustive match that fails fast
 * on an unknown setting. Nothing is built until a use case reaches for it, so a function that
 * never signs never creates a KMS client, and the table's entities are built one by one as they
 * are first used (decision 0022).
 * The document ports are not here: composition-reading.ts, composition-signing.ts and
 * composition-verifying.ts add them (`withPort`) for the functions that read, sign or verify
 * documents, so the PDF engine stays out of every other bundle (decision 0046).
 */
export function createPorts(env: NodeJS.ProcessEnv = process.env): Ports {
  const made = new Map<keyof Ports, unknown>();
  const once = <T>(name: keyof Ports, build: () => T): T => {
    if (!made.has(name)) made.set(name, build());
    return made.get(name) as T;
  };
  let kms: ReturnType<typeof kmsClientFromEnv> | undefined;
  const kmsClient = () => (kms ??= kmsClientFromEnv(env));
  let wechatTokens: AccessTokenCache | undefined;

  const ports: Ports = {
    get config() {
      return once('config', () => loadConfig(env));
    },
    now: platformClock(env, () => ports.config.STAGE),
    get store() {
      return once('store', () => {
        const { DYNAMODB_ENDPOINT, AWS_REGION, TABLE_NAME } = ports.config;
        return createDynamoDbStore(createDocumentClient({ endpoint: DYNAMODB_ENDPOINT, region: AWS_REGION }), TABLE_NAME);
      });
    },
    get blobs() {
      return once('blobs', () => {
        const { DOCUMENTS_BUCKET, S3_ENDPOINT, AWS_REGION } = ports.config;
        return createObjectStore({ bucket: DOCUMENTS_BUCKET, endpoint: S3_ENDPOINT, region: AWS_REGION });
      });
    },
    get custody() {
      return once('custody', () => createKeyCustody(ports.config.KEY_CUSTODY, { client: kmsClient() }));
    },
    get platformKeys() {
      return once('platformKeys', () =>
        kmsPlatformKeys(kmsClient(), {
          makeMissing: Boolean(env.KMS_ENDPOINT),
          sm2Keys: ports.config.PLATFORM_SM2_KEYS ?? defaultSm2PlatformKeyMode(ports.config.AWS_REGION),
        }),
      );
    },
    get idNumbers() {
      return once('idNumbers', () => kmsIdNumberVault(kmsClient()));
    },
    get faceVerifier() {
      return once('faceVerifier', () => {
        const c = loadIdentityConfig(env);
        switch (c.FACE_VERIFIER) {
          case 'simulated':
            return new SimulatedFaceVerifier(c.STAGE, (idNumber) => readRegistrySeed().people.find((p) => p.idNumber === idNumber)?.name);
          case 'wechat':
            return new WechatFaceVerifier({ base: c.WECHAT_API_BASE, tokens: (wechatTokens ??= accessTokens()) });
        }
      });
    },
    get registry() {
      return once('registry', () => {
        const kind = env.REGISTRY ?? 'local';
        switch (kind) {
          // The real 营业执照系统's API is not public; its adapter would be chosen here.
          case 'local':
            return new LocalBusinessRegistry(ports.config.STAGE, () => ports.now());
          default:
            throw new Error(`unknown REGISTRY ${kind}`);
        }
      });
    },
    get wechatAuth() {
      return once('wechatAuth', () => {
        const c = loadIdentityConfig(env);
        switch (c.WECHAT_AUTH) {
          case 'simulated':
            return new SimulatedWechatAuth(c.STAGE);
          case 'wechat':
            return new HttpsWechatAuth({ base: c.WECHAT_API_BASE, appId: need(c.WECHAT_APP_ID, 'WECHAT_APP_ID'), appSecret: need(c.WECHAT_APP_SECRET, 'WECHAT_APP_SECRET') });
        }
      });
    },
    get notifier() {
      return once('notifier', () => {
        // WeChat subscribe messages wherever the platform talks to WeChat; the local inbox otherwise.
        const c = loadIdentityConfig(env);
        switch (c.WECHAT_AUTH) {
          case 'simulated':
            return new LocalInbox(c.STAGE);
          case 'wechat':
            return new WechatSubscribeMessages({
              base: c.WECHAT_API_BASE,
              tokens: (wechatTokens ??= accessTokens()),
              templates: subscribeTemplates(ports.config),
              miniprogramState: ports.config.WECHAT_MINIPROGRAM_STATE,
            });
        }
      });
    },
    get licences() {
      return once('licences', () => {
        const kind = env.ELECTRONIC_LICENCE ?? 'simulated';
        switch (kind) {
          // The national 电子营业执照 system's authorization API is not public; its adapter would be chosen here.
          case 'simulated':
            return new SimulatedElectronicLicence(ports.config.STAGE, ports.registry);
          default:
            throw new Error(`unknown ELECTRONIC_LICENCE ${kind}`);
        }
      });
    },
  };

  /** The mini-program's access token, shared by the WeChat adapters of this container. */
  function accessTokens(): AccessTokenCache {
    const c = loadIdentityConfig(env);
    return new AccessTokenCache({
      base: c.WECHAT_API_BASE,
      appId: need(c.WECHAT_APP_ID, 'WECHAT_APP_ID'),
      appSecret: need(c.WECHAT_APP_SECRET, 'WECHAT_APP_SECRET'),
      now: () => ports.now(),
    });
  }
  return ports;
}

function need(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set`);
  return value;
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
