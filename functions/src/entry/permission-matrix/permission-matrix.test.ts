import { runMatrix } from '../../../test-support/matrix-harness';
import { identityRows } from '../../../test-support/matrix-rows/identity';

// The permission matrix through the real handlers: seeing seals, grants, QR approvals. The other
// areas' rows run in the `permission-matrix.*.test.ts` files next to this one (in parallel).
runMatrix('the permission matrix through the real handlers: identity', identityRows);
