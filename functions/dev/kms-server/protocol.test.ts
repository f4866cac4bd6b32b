import { startLocalKms, type LocalKms } from './index';

let kms: LocalKms;
beforeAll(async () => {
  kms = await startLocalKms({ port: 0 });
});
afterAll(() => kms.stop());

const call = (target: string | undefined, body: string) =>
  fetch(kms.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', ...(target ? { 'X-Amz-Target': target } : {}) },
    body,
  });

describe('local KMS: the JSON 1.1 wire format', () => {
  it('answers an operation with JSON 1.1 and base64 blobs', async () => {
    const response = await call('TrentService.GenerateRandom', JSON.stringify({ NumberOfBytes: 16 }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const { Plaintext } = (await response.json()) as { Plaintext: string };
    expect(Buffer.from(Plaintext, 'base64')).toHaveLength(16);
  });

  it('reports errors as 400 with __type and message', async () => {
    const response = await call('TrentService.DescribeKey', JSON.stringify({ KeyId: 'alias/none' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'NotFoundException', message: expect.stringContaining('alias/none') });
  });

  it('names unknown operations, missing targets, bad JSON and missing fields', async () => {
    expect(await (await call('TrentService.CreateCustomKeyStore', '{}')).json()).toMatchObject({ __type: 'UnknownOperationException' });
    expect(await (await call('TrentService.constructor', '{}')).json()).toMatchObject({ __type: 'UnknownOperationException' });
    expect(await (await call(undefined, '{}')).json()).toMatchObject({ __type: 'UnknownOperationException' });
    expect(await (await call('TrentService.DescribeKey', '{not json')).json()).toMatchObject({ __type: 'SerializationException' });
    expect(await (await call('TrentService.DescribeKey', '{}')).json()).toMatchObject({ __type: 'ValidationException' });
  });
});
