import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERRORS } from '@seal/shared';
import { handler } from './dev-test-identities';
import { createPorts, replacePorts, setServices } from '../../composition';

// The H5 login picker's test people (name and ID number of each) must never be served by a deployed
// production stage, whatever else is misconfigured there (docs/security.md).
const event = { headers: {}, isBase64Encoded: false, requestContext: { requestId: 'r' } } as unknown as APIGatewayProxyEventV2;
const answer = async () => {
  const res = (await handler(event)) as APIGatewayProxyStructuredResultV2;
  return { status: res.statusCode, body: JSON.parse(res.body as string) };
};
const onStage = (STAGE: 'local' | 'prod') => {
  const base = createPorts({ ...process.env });
  setServices(replacePorts(base, { config: { ...base.config, STAGE } }));
};
afterEach(() => setServices(undefined));

describe('GET /v1/dev/test-identities', () => {
  it('lists the seed’s test people on a local or dev stage', async () => {
    onStage('local');
    const { status, body } = await answer();
    expect(status).toBe(200);
    expect(body.people.length).toBeGreaterThan(0);
    expect(body.people[0]).toMatchObject({ name: expect.any(String), idNumber: expect.any(String), code: expect.stringMatching(/^sim:/) });
  });

  it('answers 403 PRODUCTION_FORBIDDEN in production and names nobody', async () => {
    onStage('prod');
    const { status, body } = await answer();
    expect({ status, body }).toEqual({ status: ERRORS.PRODUCTION_FORBIDDEN.status, body: { code: 'PRODUCTION_FORBIDDEN', message: ERRORS.PRODUCTION_FORBIDDEN.message } });
  });
});
