import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { startLocalKms } from '../../../dev/kms-server';
import { kmsClientFromEnv } from './client';

describe('kmsClientFromEnv', () => {
  it('reaches the local endpoint named by KMS_ENDPOINT with no AWS credentials in the environment', async () => {
    const kms = await startLocalKms({ port: 0 });
    const client = kmsClientFromEnv({ KMS_ENDPOINT: kms.endpoint, AWS_REGION: 'cn-north-1' });
    try {
      const created = await client.send(new CreateKeyCommand({}));
      expect(created.KeyMetadata!.Arn).toMatch(/^arn:aws-cn:kms:cn-north-1:/);
    } finally {
      client.destroy();
      await kms.stop();
    }
  });

  it('uses AWS_REGION and the default credential chain when no endpoint is set', async () => {
    const client = kmsClientFromEnv({ AWS_REGION: 'cn-northwest-1' });
    expect(await client.config.region()).toBe('cn-northwest-1');
    client.destroy();
  });

  it('refuses to start without a region, or with an endpoint that is not a URL', () => {
    expect(() => kmsClientFromEnv({})).toThrow(expect.objectContaining({ code: 'KEY_CUSTODY_MISCONFIGURED' }));
    expect(() => kmsClientFromEnv({ KMS_ENDPOINT: 'localhost:13000', AWS_REGION: 'cn-north-1' })).toThrow(
      expect.objectContaining({ code: 'KEY_CUSTODY_MISCONFIGURED' }),
    );
  });
});
