import { buildApp } from '../lib/app';
import { describeFindings } from '../lib/nag';

// The CLI passes -c values through CDK_CONTEXT_JSON; App reads them itself.
const { app, nag } = buildApp();
app.synth();
if (nag.findings.length > 0) {
  console.error(`cdk-nag: ${nag.findings.length} unsuppressed finding(s):\n${describeFindings(nag.findings)}`);
  process.exit(1);
}
