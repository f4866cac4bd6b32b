import { ROUTES, json, type Json, type Route } from '@seal/shared/api';
import { resourcesOf, synthStage, type SynthesizedStage } from './testing/synth-stage';

type CfnRoute = { Properties: { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown } };
const routesIn = (stage: SynthesizedStage) => Object.values(resourcesOf(stage, 'AWS::ApiGatewayV2::Route')) as unknown as CfnRoute[];

describe('the HTTP API', () => {
  let stage: SynthesizedStage;
  beforeAll(() => {
    stage = synthStage({ stage: 'prod' });
  });

  it('has exactly the routes of the shared route table', () => {
    const deployed = routesIn(stage).map((r) => r.Properties.RouteKey).sort();
    expect(deployed).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('puts session and staff routes behind the session authorizer and leaves the others to their handler', () => {
    const byKey = new Map(routesIn(stage).map((r) => [r.Properties.RouteKey, r.Properties]));
    for (const def of ROUTES) {
      const deployed = byKey.get(`${def.method} ${def.path}`)!;
      if (def.auth === 'session' || def.auth === 'staff') {
        expect({ route: def.path, type: deployed.AuthorizationType }).toEqual({ route: def.path, type: 'CUSTOM' });
        expect(deployed.AuthorizerId).toBeDefined();
      } else {
        expect({ route: def.path, type: deployed.AuthorizationType }).toEqual({ route: def.path, type: 'NONE' });
      }
    }
  });

  it('builds one Lambda per handler, Node.js 22 on arm64', () => {
    // CDK's own provider that runs triggers is not ours: it has the runtime CDK picks.
    const functions = Object.entries(resourcesOf(stage, 'AWS::Lambda::Function'))
      .filter(([id]) => !id.startsWith('AWSCDKTriggerCustomResourceProvider'))
      .map(([, fn]) => fn) as { Properties: { Runtime: string; Architectures: string[] } }[];
    // + the authorizer, the renewal job, the archive job, the platform bootstrap, the audit archive
    // writer, the audit chainer, the audit checkpoint job and the signing batches' worker
    expect(functions).toHaveLength(new Set(ROUTES.map((r) => r.handler)).size + 8);
    for (const fn of functions) expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
  });

  it('authorizes with a Lambda that caches per token and route', () => {
    stage.main.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['$request.header.Authorization', '$context.routeKey'],
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
    });
  });

  it('writes access logs', () => {
    const [stageProps] = Object.values(stage.main.findResources('AWS::ApiGatewayV2::Stage')) as { Properties: { AccessLogSettings?: { DestinationArn: unknown; Format: string } } }[];
    expect(stageProps!.Properties.AccessLogSettings?.Format).toContain('$context.routeKey');
  });

  it('creates a route added to the table without any change to the stack', () => {
    const added: Route = { method: 'GET', path: '/v1/brand-new/{id}', handler: 'brand-new-handler', auth: 'session', summary: 'test', response: json as Json<unknown> };
    const grown = synthStage({ stage: 'dev' }, [...ROUTES, added]);
    const deployed = routesIn(grown).find((r) => r.Properties.RouteKey === 'GET /v1/brand-new/{id}');
    expect(deployed?.Properties.AuthorizationType).toBe('CUSTOM');
    expect(grown.findings).toEqual([]);
  });
});
