import { randomBytes } from 'node:crypto';
import * as pkcs11js from 'pkcs11js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { P256_PARAMS, ecdsaRawToDer, p256PublicKeyInfo } from './ecdsa';
import { TokenError, wrongPassword, type KeyAttributes, type TokenDriver, type TokenSummary } from './token';

const { PKCS11 } = pkcs11js;
type Handle = Buffer;

/** Labels of the objects this client makes, so `remove` never touches another application's objects. */
const LABEL_PREFIX = 'seal:';

/** PKCS#11 pads its fixed-size strings with blanks. */
const unpad = (s: string) => s.replace(/[\s\0]+$/, '');

/**
 * A `TokenDriver` over a PKCS#11 library through pkcs11js. Each operation opens its own session,
 * logs in, works and logs out, so nothing stays logged in between two requests of the page.
 */
export class Pkcs11Token implements TokenDriver {
  private readonly p11 = new PKCS11();

  constructor(modulePath: string) {
    this.p11.load(modulePath);
    this.p11.C_Initialize();
  }

  close(): void {
    this.p11.C_Finalize();
  }

  list(): TokenSummary[] {
    const out: TokenSummary[] = [];
    for (const slot of this.p11.C_GetSlotList(true)) {
      const info = this.p11.C_GetTokenInfo(slot);
      // An uninitialized token (SoftHSM2 always offers one free slot) is no UKey to the user.
      if (!(info.flags & pkcs11js.CKF_TOKEN_INITIALIZED)) continue;
      out.push({
        serial: unpad(info.serialNumber),
        label: unpad(info.label),
        manufacturer: unpad(info.manufacturerID),
        model: unpad(info.model),
        passwordCountLow: Boolean(info.flags & pkcs11js.CKF_USER_PIN_COUNT_LOW),
        passwordFinalTry: Boolean(info.flags & pkcs11js.CKF_USER_PIN_FINAL_TRY),
        passwordLocked: Boolean(info.flags & pkcs11js.CKF_USER_PIN_LOCKED),
        keys: this.withSession(slot, (session) => this.publicKeysOf(session)),
      });
    }
    return out;
  }

  checkPassword(serial: string, password: string): void {
    this.loggedIn(serial, password, () => undefined);
  }

  generateKey(serial: string, password: string, label: string) {
    const keyId = randomBytes(16);
    const objectLabel = LABEL_PREFIX + label;
    const publicKey = this.loggedIn(serial, password, (session) => {
      const { publicKey: pub } = this.p11.C_GenerateKeyPair(
        session,
        { mechanism: pkcs11js.CKM_EC_KEY_PAIR_GEN },
        [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
          { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_EC },
          { type: pkcs11js.CKA_TOKEN, value: true },
          { type: pkcs11js.CKA_PRIVATE, value: false },
          { type: pkcs11js.CKA_VERIFY, value: true },
          { type: pkcs11js.CKA_EC_PARAMS, value: Buffer.from(P256_PARAMS) },
          { type: pkcs11js.CKA_ID, value: keyId },
          { type: pkcs11js.CKA_LABEL, value: objectLabel },
        ],
        [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
          { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_EC },
          { type: pkcs11js.CKA_TOKEN, value: true },
          { type: pkcs11js.CKA_PRIVATE, value: true },
          { type: pkcs11js.CKA_SIGN, value: true },
          // The seal key never leaves the token: not in clear, not wrapped.
          { type: pkcs11js.CKA_SENSITIVE, value: true },
          { type: pkcs11js.CKA_EXTRACTABLE, value: false },
          { type: pkcs11js.CKA_ID, value: keyId },
          { type: pkcs11js.CKA_LABEL, value: objectLabel },
        ],
      );
      return this.spkiOf(session, pub);
    });
    return { keyId: keyId.toString('hex'), algorithm: 'ecdsa-p256' as const, publicKey };
  }

  publicKey(serial: string, keyId: string): Uint8Array {
    return this.withSession(this.slotOf(serial), (session) => this.spkiOf(session, this.findOne(session, pkcs11js.CKO_PUBLIC_KEY, keyId)));
  }

  signDigest(serial: string, password: string, keyId: string, digest: Uint8Array): Uint8Array {
    return this.signDigests(serial, password, keyId, [digest])[0]!;
  }

  signDigests(serial: string, password: string, keyId: string, digests: Uint8Array[]): Uint8Array[] {
    if (digests.some((d) => d.length !== 32)) throw new Error('a SHA-256 digest has 32 bytes');
    return this.loggedIn(serial, password, (session) => {
      const key = this.findOne(session, pkcs11js.CKO_PRIVATE_KEY, keyId);
      // One C_SignInit per signature: an operation ends with its C_Sign; the login stays for the batch.
      return digests.map((digest) => {
        this.p11.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, key);
        return ecdsaRawToDer(this.p11.C_Sign(session, Buffer.from(digest), Buffer.alloc(132)));
      });
    });
  }

  certificate(serial: string, keyId: string): Uint8Array {
    return this.withSession(this.slotOf(serial), (session) => {
      const [handle] = this.find(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') },
      ]);
      if (handle === undefined) throw new TokenError('UKEY_CERTIFICATE_NOT_FOUND');
      return new Uint8Array(this.p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_VALUE }])[0]!.value as Buffer);
    });
  }

  writeCertificate(serial: string, password: string, keyId: string, certificate: Uint8Array, label: string): void {
    const tbs = parseCertificate(certificate).tbsCertificate;
    this.loggedIn(serial, password, (session) => {
      this.findOne(session, pkcs11js.CKO_PRIVATE_KEY, keyId);
      // One certificate per key: a second binding of the same key replaces the first's.
      for (const old of this.find(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') },
      ])) {
        this.p11.C_DestroyObject(session, old);
      }
      this.p11.C_CreateObject(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_PRIVATE, value: false },
        { type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') },
        { type: pkcs11js.CKA_LABEL, value: LABEL_PREFIX + label },
        { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(AsnConvert.serialize(tbs.subject)) },
        { type: pkcs11js.CKA_ISSUER, value: Buffer.from(AsnConvert.serialize(tbs.issuer)) },
        { type: pkcs11js.CKA_VALUE, value: Buffer.from(certificate) },
      ]);
    });
  }

  remove(serial: string, password: string, keyId?: string): number {
    return this.loggedIn(serial, password, (session) => {
      const template = keyId ? [{ type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') }] : [];
      const ours = this.find(session, template).filter((h) => this.labelOf(session, h).startsWith(LABEL_PREFIX));
      if (keyId && ours.length === 0) throw new TokenError('UKEY_KEY_NOT_FOUND');
      for (const handle of ours) this.p11.C_DestroyObject(session, handle);
      return ours.length;
    });
  }

  keyAttributes(serial: string, password: string, keyId: string): KeyAttributes {
    return this.loggedIn(serial, password, (session) => {
      const key = this.findOne(session, pkcs11js.CKO_PRIVATE_KEY, keyId);
      const types = [
        pkcs11js.CKA_EXTRACTABLE,
        pkcs11js.CKA_SENSITIVE,
        pkcs11js.CKA_NEVER_EXTRACTABLE,
        pkcs11js.CKA_ALWAYS_SENSITIVE,
        pkcs11js.CKA_LOCAL,
      ];
      const values = this.p11
        .C_GetAttributeValue(
          session,
          key,
          types.map((type) => ({ type })),
        )
        .map((a) => a.value[0] === 1);
      const [extractable, sensitive, neverExtractable, alwaysSensitive, local] = values as [boolean, boolean, boolean, boolean, boolean];
      return { extractable, sensitive, neverExtractable, alwaysSensitive, local };
    });
  }

  private slotOf(serial: string): Handle {
    for (const slot of this.p11.C_GetSlotList(true)) {
      const info = this.p11.C_GetTokenInfo(slot);
      if (info.flags & pkcs11js.CKF_TOKEN_INITIALIZED && unpad(info.serialNumber) === serial) return slot;
    }
    throw new TokenError('UKEY_NOT_FOUND');
  }

  private withSession<T>(slot: Handle, work: (session: Handle) => T): T {
    const session = this.p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    try {
      return work(session);
    } finally {
      this.p11.C_CloseSession(session);
    }
  }

  /** Runs `work` in a session logged in as the user; a wrong password is the token's to count. */
  private loggedIn<T>(serial: string, password: string, work: (session: Handle) => T): T {
    const slot = this.slotOf(serial);
    return this.withSession(slot, (session) => {
      try {
        this.p11.C_Login(session, pkcs11js.CKU_USER, password);
      } catch (e) {
        throw this.loginError(slot, e);
      }
      try {
        return work(session);
      } finally {
        this.p11.C_Logout(session);
      }
    });
  }

  /** A refused login, told with the flags the token set after counting it (so "one more locks it" is said in time). */
  private loginError(slot: Handle, e: unknown): Error {
    if (e instanceof pkcs11js.Pkcs11Error) {
      if (e.code === pkcs11js.CKR_PIN_LOCKED) return new TokenError('UKEY_LOCKED');
      if (e.code === pkcs11js.CKR_PIN_INCORRECT || e.code === pkcs11js.CKR_PIN_LEN_RANGE) {
        const { flags } = this.p11.C_GetTokenInfo(slot);
        return wrongPassword({
          passwordFinalTry: Boolean(flags & pkcs11js.CKF_USER_PIN_FINAL_TRY),
          passwordLocked: Boolean(flags & pkcs11js.CKF_USER_PIN_LOCKED),
        });
      }
    }
    return e instanceof Error ? e : new Error(String(e));
  }

  private find(session: Handle, template: pkcs11js.Template): Handle[] {
    this.p11.C_FindObjectsInit(session, template);
    try {
      return this.p11.C_FindObjects(session, 1000);
    } finally {
      this.p11.C_FindObjectsFinal(session);
    }
  }

  private findOne(session: Handle, objectClass: number, keyId: string): Handle {
    if (!/^[0-9a-f]{2,64}$/.test(keyId)) throw new TokenError('UKEY_KEY_NOT_FOUND');
    const [handle] = this.find(session, [
      { type: pkcs11js.CKA_CLASS, value: objectClass },
      { type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') },
    ]);
    if (!handle) throw new TokenError('UKEY_KEY_NOT_FOUND');
    return handle;
  }

  private labelOf(session: Handle, handle: Handle): string {
    const [label] = this.p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_LABEL }]);
    return label?.value.toString('utf8') ?? '';
  }

  private spkiOf(session: Handle, publicKey: Handle): Uint8Array {
    const [point] = this.p11.C_GetAttributeValue(session, publicKey, [{ type: pkcs11js.CKA_EC_POINT }]);
    return p256PublicKeyInfo(new Uint8Array(point!.value));
  }

  private publicKeysOf(session: Handle): TokenSummary['keys'] {
    const certificates = new Set(
      this.find(session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]).map((h) => this.idOf(session, h)),
    );
    return this.find(session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY }])
      .map((h) => ({ keyId: this.idOf(session, h), label: this.labelOf(session, h) }))
      .filter((k) => k.label.startsWith(LABEL_PREFIX))
      .map((k) => ({ keyId: k.keyId, label: k.label.slice(LABEL_PREFIX.length), hasCertificate: certificates.has(k.keyId) }));
  }

  private idOf(session: Handle, handle: Handle): string {
    const [id] = this.p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_ID }]);
    return id?.value.toString('hex') ?? '';
  }
}

function parseCertificate(der: Uint8Array): Certificate {
  try {
    return AsnConvert.parse(der, Certificate);
  } catch {
    throw new TokenError('UKEY_CERTIFICATE_INVALID');
  }
}
