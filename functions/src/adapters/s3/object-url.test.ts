import { credentialsFor } from './credentials';
import { encodeKey, objectUrl } from './object-url';
import { presignedUrl } from './presign';
import { s3ErrorFromXml } from './s3-error';
import { signatureProblem } from '../../../test-support/s3/signature-check';

describe('where an object lives', () => {
  it('uses the bucket’s virtual host in an AWS region', () => {
    expect(objectUrl({ region: 'eu-west-1' }, 'seal-documents', 'documents/a.pdf').href).toBe('https://seal-documents.s3.eu-west-1.amazonaws.com/documents/a.pdf');
  });

  it('uses amazonaws.com.cn in the China regions', () => {
    expect(objectUrl({ region: 'cn-north-1' }, 'seal-documents', 'a.pdf').href).toBe('https://seal-documents.s3.cn-north-1.amazonaws.com.cn/a.pdf');
    expect(objectUrl({ region: 'cn-northwest-1' }, 'seal-documents').href).toBe('https://seal-documents.s3.cn-northwest-1.amazonaws.com.cn/');
  });

  it('uses path style under the local endpoint', () => {
    expect(objectUrl({ endpoint: 'http://127.0.0.1:4569/', region: 'cn-north-1' }, 'seal-documents', 'documents/a.pdf').href).toBe('http://127.0.0.1:4569/seal-documents/documents/a.pdf');
    expect(objectUrl({ endpoint: 'http://127.0.0.1:4569', region: 'cn-north-1' }, 'seal-documents').href).toBe('http://127.0.0.1:4569/seal-documents');
  });

  it('encodes each segment of a key once, keeping the slashes', () => {
    expect(encodeKey('合同/a b+c(1)*!.pdf')).toBe('%E5%90%88%E5%90%8C/a%20b%2Bc%281%29%2A%21.pdf');
    expect(objectUrl({ region: 'cn-north-1' }, 'b', '合同/a b.pdf').pathname).toBe('/%E5%90%88%E5%90%8C/a%20b.pdf');
  });

  it('refuses keys with dot segments, which URLs would collapse', () => {
    expect(() => encodeKey('documents/../pki/root.pem')).toThrow(/segments/);
  });
});

describe('which credentials sign', () => {
  it('takes the Lambda role’s credentials from the environment in AWS', () => {
    const env = { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' };
    expect(credentialsFor({ region: 'cn-north-1' }, env)).toEqual({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
    expect(() => credentialsFor({ region: 'cn-north-1' }, {})).toThrow(/AWS_ACCESS_KEY_ID/);
  });

  it('uses s3rver’s placeholder credentials locally', () => {
    expect(credentialsFor({ endpoint: 'http://127.0.0.1:4569', region: 'cn-north-1' }, { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE' })).toEqual({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  });
});

describe('a presigned upload URL for AWS', () => {
  const signing = { region: 'cn-north-1', accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token/with+chars' };
  const now = new Date('2026-03-01T08:00:00Z');

  it('signs host, content type and length with the session token, as the AWS SDK computes it', async () => {
    const url = new URL(await presignedUrl(signing, objectUrl({ region: 'cn-north-1' }, 'seal-documents', 'documents/合同.pdf'), { method: 'PUT', contentType: 'application/pdf', contentLength: 1234, expiresIn: 900, now }));
    expect(url.host).toBe('seal-documents.s3.cn-north-1.amazonaws.com.cn');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('ASIAEXAMPLE/20260301/cn-north-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('token/with+chars');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    const received = { method: 'PUT', path: url.pathname, querystring: url.search.slice(1), headers: { host: url.host, 'content-type': 'application/pdf', 'content-length': '1234' } };
    expect(await signatureProblem(received, 'secret')).toBeUndefined();
    expect(await signatureProblem({ ...received, headers: { ...received.headers, 'content-type': 'text/html' } }, 'secret')).toMatch(/should be/);
  });

  it('writes spaces in the query as %20, as S3 signs them', async () => {
    const url = await presignedUrl(signing, objectUrl({ region: 'cn-north-1' }, 'b', 'a.pdf'), { method: 'GET', responseContentDisposition: 'attachment; filename="a b.pdf"', expiresIn: 900, now });
    expect(url).toContain('response-content-disposition=attachment%3B%20filename%3D%22a%20b.pdf%22');
    expect(url).not.toContain('+');
  });
});

describe('S3’s error answers', () => {
  it('carry S3’s code and message', () => {
    const error = s3ErrorFromXml(403, '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', 'GetObject b/k');
    expect(error).toMatchObject({ name: 'AccessDenied', code: 'AccessDenied', status: 403, message: 'S3 GetObject b/k: AccessDenied (Access Denied)' });
  });

  it('are told apart from a successful copy’s result', () => {
    expect(s3ErrorFromXml(200, '<CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>', 'CopyObject')).toBeUndefined();
    expect(s3ErrorFromXml(200, '<Error><Code>InternalError</Code></Error>', 'CopyObject')?.code).toBe('InternalError');
  });
});
