import { runMatrix } from '../../../test-support/matrix-harness';
import { sealRows } from '../../../test-support/matrix-rows/seals';

// 领取, 冻结, 解冻, 注销, 续期, 在线申请, 在线变更: one fresh spare seal per attempt.
runMatrix('the permission matrix through the real handlers: seal life cycle', sealRows, { spares: 40 });
