/** Names S3 gives errors of answers without a body (HEAD), as the SDK named them. */
const STATUS_CODES: Record<number, string> = { 301: 'PermanentRedirect', 400: 'BadRequest', 403: 'Forbidden', 404: 'NotFound', 412: 'PreconditionFailed' };

/**
 * A refusal from S3: `code` is S3's own (`NoSuchBucket`, `AccessDenied`, `SignatureDoesNotMatch`…)
 * and is also the error's `name`, so logs and the health probe read as they did with the SDK.
 */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** S3's error body is `<Error><Code>…</Code><Message>…</Message></Error>`; two tags, no XML library needed. */
export function s3ErrorFromXml(status: number, xml: string, operation: string): S3Error | undefined {
  if (!/<Error>/.test(xml)) return undefined;
  const code = tag(xml, 'Code') ?? STATUS_CODES[status] ?? `Http${status}`;
  return new S3Error(code, status, `S3 ${operation}: ${code}${tag(xml, 'Message') ? ` (${tag(xml, 'Message')})` : ''}`);
}

/** The error a non-2xx answer stands for. */
export async function s3ErrorOf(response: Response, operation: string): Promise<S3Error> {
  const xml = await response.text().catch(() => '');
  return s3ErrorFromXml(response.status, xml, operation) ?? new S3Error(STATUS_CODES[response.status] ?? `Http${response.status}`, response.status, `S3 ${operation}: HTTP ${response.status}`);
}
