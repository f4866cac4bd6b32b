import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the local endpoint remembers: keys (with their material, in clear: this server is
 * dev-only and never deployed) and aliases. Kept in memory, and mirrored to
 * `<dataDir>/kms-state.json` after every change when a data directory is given, so a
 * restarted endpoint still decrypts yesterday's envelopes and signs with the same CA key.
 */
export type KeySpec = 'SYMMETRIC_DEFAULT' | 'ECC_NIST_P256' | 'SM2' | 'HMAC_256';
export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';
export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

export interface SymmetricMaterial {
  kind: 'symmetric';
  /** AES-256 backing keys, oldest first; rotation appends one, old ones still decrypt. */
  backingKeys: string[];
}
export interface EcMaterial {
  kind: 'ec';
  privateKeyPkcs8: string;
  publicKeySpki: string;
}
export interface HmacMaterial {
  kind: 'hmac';
  /** The 32-byte HMAC key, base64. */
  key: string;
}

export interface StoredKey {
  keyId: string;
  arn: string;
  /** Epoch milliseconds. */
  creationDate: number;
  description: string;
  keySpec: KeySpec;
  keyUsage: KeyUsage;
  state: KeyState;
  deletionDate?: number;
  pendingWindowInDays?: number;
  tags: Record<string, string>;
  rotation: { enabled: boolean; periodInDays: number; lastRotationDate?: number };
  material: SymmetricMaterial | EcMaterial | HmacMaterial;
}

export interface StoredAlias {
  aliasName: string;
  aliasArn: string;
  targetKeyId: string;
  creationDate: number;
  lastUpdatedDate: number;
}

interface StateFile {
  version: 1;
  keys: Record<string, StoredKey>;
  aliases: Record<string, StoredAlias>;
}

export class KeyStore {
  private readonly keys = new Map<string, StoredKey>();
  private readonly aliases = new Map<string, StoredAlias>();

  private constructor(private readonly file: string | undefined) {}

  static open(dataDir: string | undefined): KeyStore {
    if (dataDir === undefined) return new KeyStore(undefined);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const store = new KeyStore(join(dataDir, 'kms-state.json'));
    store.load();
    return store;
  }

  key(keyId: string): StoredKey | undefined {
    const key = this.keys.get(keyId);
    // A key whose waiting period is over is gone, as in KMS; drop it (and its aliases) on sight.
    if (key?.state === 'PendingDeletion' && key.deletionDate !== undefined && key.deletionDate <= Date.now()) {
      this.keys.delete(keyId);
      for (const alias of this.aliases.values()) if (alias.targetKeyId === keyId) this.aliases.delete(alias.aliasName);
      this.save();
      return undefined;
    }
    return key;
  }

  allKeys(): StoredKey[] {
    return [...this.keys.keys()].map((id) => this.key(id)).filter((k): k is StoredKey => k !== undefined);
  }

  putKey(key: StoredKey): void {
    this.keys.set(key.keyId, key);
    this.save();
  }

  alias(aliasName: string): StoredAlias | undefined {
    const alias = this.aliases.get(aliasName);
    if (alias && !this.key(alias.targetKeyId)) return undefined;
    return alias;
  }

  allAliases(): StoredAlias[] {
    return [...this.aliases.values()].filter((a) => this.key(a.targetKeyId) !== undefined);
  }

  putAlias(alias: StoredAlias): void {
    this.aliases.set(alias.aliasName, alias);
    this.save();
  }

  deleteAlias(aliasName: string): void {
    this.aliases.delete(aliasName);
    this.save();
  }

  /** Every mutation goes through here after it is complete: the file is never half a change. */
  save(): void {
    if (this.file === undefined) return;
    const state: StateFile = {
      version: 1,
      keys: Object.fromEntries(this.keys),
      aliases: Object.fromEntries(this.aliases),
    };
    // Write-then-rename so a crash mid-write leaves the previous state, not a torn file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 1), { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  private load(): void {
    let text: string;
    try {
      text = readFileSync(this.file!, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const state = JSON.parse(text) as StateFile;
    if (state.version !== 1) throw new Error(`Unsupported local KMS state version in ${this.file}`);
    for (const key of Object.values(state.keys)) this.keys.set(key.keyId, key);
    for (const alias of Object.values(state.aliases)) this.aliases.set(alias.aliasName, alias);
  }
}
