/**
 * Run as its own process (SoftHSM2 reads SOFTHSM2_CONF at C_Initialize): logs in to the token
 * with `label` and asks PKCS#11 directly, not through the client, what a private key with `id`
 * allows: its attributes and whether its value (CKA_VALUE) can be read. Prints JSON.
 */
import * as pkcs11js from 'pkcs11js';

const [modulePath, label, pin, id] = process.argv.slice(2) as [string, string, string, string];
const p11 = new pkcs11js.PKCS11();
p11.load(modulePath);
p11.C_Initialize();
try {
  const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === label)!;
  const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  p11.C_Login(session, pkcs11js.CKU_USER, pin);
  p11.C_FindObjectsInit(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_ID, value: Buffer.from(id, 'hex') },
  ]);
  const key = p11.C_FindObjects(session, 1)[0]!;
  p11.C_FindObjectsFinal(session);
  const flag = (type: number) => p11.C_GetAttributeValue(session, key, [{ type }])[0]!.value[0] === 1;
  let value: string;
  try {
    p11.C_GetAttributeValue(session, key, [{ type: pkcs11js.CKA_VALUE }]);
    value = 'readable';
  } catch (e) {
    value = e instanceof pkcs11js.Pkcs11Error && e.code === pkcs11js.CKR_ATTRIBUTE_SENSITIVE ? 'CKR_ATTRIBUTE_SENSITIVE' : String(e);
  }
  process.stdout.write(JSON.stringify({ extractable: flag(pkcs11js.CKA_EXTRACTABLE), sensitive: flag(pkcs11js.CKA_SENSITIVE), value }));
} finally {
  p11.C_Finalize();
}
