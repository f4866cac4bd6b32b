import { runMatrix } from '../../../test-support/matrix-harness';
import { credentialRows } from '../../../test-support/matrix-rows/credentials';

// QR sign approval, 修改/忘记签章密码, Ukey绑定/解绑: on seals claimed by the legal representative and the holder.
runMatrix('the permission matrix through the real handlers: credentials', credentialRows, { spares: 10 });
