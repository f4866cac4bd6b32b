import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm run synth` for real: esbuild bundles every function, cdk-nag checks the result, offline.
describe('npm run synth', () => {
  it('writes the CloudFormation templates with bundled functions and no unsuppressed finding', () => {
    const out = mkdtempSync(join(tmpdir(), 'seal-synth-'));
    try {
      execFileSync('npx', ['cdk', 'synth', '--quiet', '--output', out], { cwd: join(__dirname, '..'), stdio: 'pipe' });
      const template = JSON.parse(readFileSync(join(out, 'SealPlatform-dev.template.json'), 'utf8')) as {
        Resources: Record<string, { Type: string; Properties?: { Code?: { S3Key?: string } } }>;
      };
      expect(Object.values(template.Resources).some((r) => r.Type === 'AWS::DynamoDB::Table')).toBe(true);
      const assets = JSON.parse(readFileSync(join(out, 'SealPlatform-dev.assets.json'), 'utf8')) as { files: Record<string, { source: { path: string } }> };
      // CDK's own trigger provider (it runs the platform bootstrap) is CDK's code, for the runtime's SDK: not ours to check.
      const cdkOwn = Object.entries(template.Resources)
        .filter(([id, r]) => id.startsWith('AWSCDKTriggerCustomResourceProvider') && r.Type === 'AWS::Lambda::Function')
        .map(([, r]) => r.Properties?.Code?.S3Key?.replace(/\.zip$/, ''))
        .filter((hash): hash is string => !!hash);
      const bundles = Object.values(assets.files)
        .filter((f) => !cdkOwn.some((hash) => f.source.path.includes(hash)))
        .map((f) => join(out, f.source.path, 'index.js'))
        .filter((p) => existsSync(p));
      expect(bundles.length).toBeGreaterThan(10);
      // The bundling aliases took effect (decisions 0022, 0028, 0215): no function carries the SDK's
      // SSO/profile credential chain, a font library's Brotli decoder, ElectroDB's model validator,
      // ElectroDB's Service or the DynamoDB commands the store never sends (ListBackups,
      // CreateGlobalTable), every bundle still loads on its own, and the functions that draw seals have the fonts.
      for (const bundle of bundles) {
        const code = readFileSync(bundle, 'utf8');
        expect(code).not.toContain('defaultProvider::fromSSO');
        expect(code).not.toContain('Brotli');
        expect(code).not.toContain('is not of a type(s)');
        expect(code).not.toContain('Valid instances to join include Models');
        expect(code).not.toContain('ListBackups');
        expect(code).not.toContain('CreateGlobalTable');
        execFileSync(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], { env: { PATH: process.env.PATH, STAGE: 'local', AWS_REGION: 'cn-north-1' }, stdio: 'pipe' });
      }
      // The session authorizer got the route table's auth modes as a constant, not the routes'
      // schemas (decision 0040); no other function got the table.
      const withTable = bundles.filter((b) => readFileSync(b, 'utf8').includes('"GET /v1/staff/applications":"staff"'));
      expect(withTable).toHaveLength(1);
      expect(readFileSync(withTable[0]!, 'utf8')).not.toContain('一次最多授权10人');
      const fontDirs = Object.values(assets.files)
        .map((f) => join(out, f.source.path, 'node_modules', '@embedpdf', 'fonts-sc', 'fonts'))
        .filter((dir) => existsSync(dir));
      expect(fontDirs.length).toBeGreaterThan(0);
      for (const dir of fontDirs) {
        expect(existsSync(join(dir, 'NotoSansHans-Bold.otf'))).toBe(true);
        expect(existsSync(join(dir, 'NotoSansHans-Regular.otf'))).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
