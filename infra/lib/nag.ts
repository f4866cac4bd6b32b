import { Aspects, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type INagLogger, type NagLoggerErrorData, type NagLoggerNonComplianceData } from 'cdk-nag';

/** A cdk-nag finding nobody suppressed with a reason. */
export interface NagFinding {
  path: string;
  ruleId: string;
  findingId: string;
  info: string;
}

/** Collects every unsuppressed finding, warnings included, so synth can fail on any of them. */
class FindingCollector implements INagLogger {
  readonly findings: NagFinding[] = [];
  onNonCompliance(data: NagLoggerNonComplianceData): void {
    this.findings.push({ path: data.resource.node.path, ruleId: data.ruleId, findingId: data.findingId, info: data.ruleInfo });
  }
  onError(data: NagLoggerErrorData): void {
    this.findings.push({ path: data.resource.node.path, ruleId: data.ruleId, findingId: 'rule-error', info: data.errorMessage });
  }
  onCompliance(): void {}
  onSuppressed(): void {}
  onSuppressedError(): void {}
  onNotApplicable(): void {}
}

/** Adds AwsSolutionsChecks as an aspect; read `findings` after `app.synth()`. */
export function checkWithNag(app: App): { findings: NagFinding[] } {
  const collector = new FindingCollector();
  Aspects.of(app).add(new AwsSolutionsChecks({ additionalLoggers: [collector], reports: false }));
  return collector;
}

export function describeFindings(findings: readonly NagFinding[]): string {
  return findings.map((f) => `${f.ruleId}${f.findingId && f.findingId !== f.ruleId ? `[${f.findingId}]` : ''} at ${f.path}: ${f.info}`).join('\n');
}
