import { runMatrix } from '../../../test-support/matrix-harness';
import { businessRows } from '../../../test-support/matrix-rows/business';

// 窗口办理, 系统接入, 自定义印章, 接入凭证, 窗口审核, 审计链校验, 文档验证, and the system-only routes.
runMatrix('the permission matrix through the real handlers: window, integration, audit, system', businessRows, { spares: 8 });
