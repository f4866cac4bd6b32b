import { formatBeijingDate, formatBeijingDateTime } from '@seal/shared';
import type { Ports } from '../../ports';
import { loadSeal } from '../seal/load-seal';
import { ownBatch } from './read-signing-batch';

const STATE_TEXT = { signed: '已签章', failed: '未签章', pending: '处理中' } as const;

/**
 * One CSV field: always quoted (names hold commas and quotes), and a value a spreadsheet would run
 * as a formula (a file named "=HYPERLINK(…)") is kept text by a leading apostrophe.
 */
function field(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}
const row = (values: (string | number | undefined)[]) => values.map(field).join(',');

/**
 * 批量签章汇总报告 (decision 0212): a CSV the owner keeps, one row per document of the batch
 * (name, id, outcome, signed version or the refusal's code and Chinese message, time), under
 * the batch's summary; times in Beijing time. UTF-8 with a BOM so spreadsheet programs read the Chinese.
 */
export async function signingBatchReport(
  services: Ports,
  request: { personId: string; batchId: string },
): Promise<{ csv: Uint8Array; fileName: string }> {
  const { batch, items } = await ownBatch(services, request);
  const seal = await loadSeal(services.store, batch.sealId);
  const count = (state: string) => items.filter((i) => i.state === state).length;
  const lines = [
    row(['批量签章汇总报告']),
    row(['任务编号', batch.batchId]),
    row(['印章', seal.name]),
    row(['发起时间（北京时间）', formatBeijingDateTime(batch.createdAt, { seconds: true })]),
    row(['文件总数', batch.total, '已签章', count('signed'), '未签章', count('failed'), '处理中', count('pending')]),
    '',
    row(['序号', '文件名', '文件编号', '结果', '签章后版本', '错误代码', '说明', '完成时间（北京时间）']),
    ...items.map((item, i) =>
      row([
        i + 1,
        item.name,
        item.documentId,
        STATE_TEXT[item.state],
        item.version,
        item.errorCode,
        item.errorMessage,
        item.finishedAt ? formatBeijingDateTime(item.finishedAt, { seconds: true }) : undefined,
      ]),
    ),
  ];
  const csv = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  return { csv, fileName: `批量签章汇总报告-${formatBeijingDate(batch.createdAt)}.csv` };
}
