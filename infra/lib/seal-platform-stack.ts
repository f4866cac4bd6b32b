import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as triggers from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import { ROUTES, type Route } from '@seal/shared/api';
import { AlarmTopic, addApiAlarm, addFunctionAlarms } from './alarms';
import { AUDIT_EVENT_FILTER, PENDING_AUDIT_EVENT_FILTER, TableStreamConsumer } from './table-stream-consumer';
import { ARCHIVE_JOB_ENTRY, AUDIT_ARCHIVE_ENTRY, AUDIT_CHECKPOINT_JOB_ENTRY, AUDIT_CHAIN_ENTRY, AUTHORIZER_ENTRY, BOOTSTRAP_ENTRY, RENEWAL_JOB_ENTRY, authorizerDefine } from './bundling';
import { ARCHIVE_JOB_PERMISSIONS, AUDIT_ARCHIVE_PERMISSIONS, AUDIT_CHECKPOINT_JOB_PERMISSIONS, AUDIT_CHAIN_PERMISSIONS, AUTHORIZER_PERMISSIONS, BOOTSTRAP_PERMISSIONS, RENEWAL_JOB_PERMISSIONS } from './function-permissions';
import { SigningBatchWorker } from './signing-batch-worker';
import { DataStore } from './data-store';
import { HANDLER_GROUPS, HandlerGroup, groupOf } from './handler-group';
import { PlatformKeys } from './platform-keys';
import { suppressTriggerFindings } from './nag-suppressions';
import { PlatformSecrets } from './platform-secrets';
import { SealApi } from './seal-api';
import { SealFunction, type SealFunctionProps } from './seal-function';
import type { StageSettings } from './stage-settings';
import { ApiEdge } from './api-edge';
import { EdgeFirewall } from './edge-firewall';

export interface SealPlatformStackProps extends StackProps {
  settings: StageSettings;
  /** The route table; the shared ROUTES unless a test passes its own. */
  routes?: readonly Route[];
  /**
   * With `edge: cloudfront-waf`: the web ACL made by the us-east-1 edge stack (app.ts) when this
   * stack is in another region; without it the web ACL is made here (us-east-1, or no region yet).
   */
  webAclArn?: string;
}

/**
 * The whole platform, derived from the shared route table at synth time: data, keys, secrets,
 * alarm topic, the API with its authorizer, the renewal job and the audit archive writer here;
 * the API handlers in nested stacks.
 */
export class SealPlatformStack extends Stack {
  readonly keys: PlatformKeys;
  readonly data: DataStore;
  readonly secrets: PlatformSecrets;
  readonly api: SealApi;
  readonly authorizer: SealFunction;
  readonly renewalJob: SealFunction;
  readonly archiveJob: SealFunction;
  readonly auditCheckpointJob: SealFunction;
  readonly bootstrap: SealFunction;
  readonly alarms: AlarmTopic;
  readonly auditArchiveWriter: TableStreamConsumer;
  readonly auditChainer: TableStreamConsumer;
  readonly signingBatchWorker: SigningBatchWorker;
  readonly groups: HandlerGroup[] = [];
  /** CloudFront and AWS WAF in front of the API (edge `cloudfront-waf`). */
  readonly edge?: ApiEdge;
  readonly firewall?: EdgeFirewall;

  constructor(scope: Construct, id: string, props: SealPlatformStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const prod = settings.stage === 'prod';
    this.keys = new PlatformKeys(this, 'Keys', { removalPolicy: settings.removalPolicy, sm2Keys: settings.sm2Keys });
    this.data = new DataStore(this, 'Data', {
      key: this.keys.data,
      removalPolicy: settings.removalPolicy,
      deletionProtection: prod,
      auditRetentionDays: settings.auditRetentionDays,
      objectLockMode: prod ? 'COMPLIANCE' : 'GOVERNANCE',
    });
    this.secrets = new PlatformSecrets(this, 'Secrets', { stage: settings.stage, key: this.keys.data, removalPolicy: settings.removalPolicy });
    this.alarms = new AlarmTopic(this, 'Alarms', { stage: settings.stage, email: settings.alarmEmail, removalPolicy: settings.removalPolicy });
    const alarmTopic = this.alarms.topic;

    const environment: Record<string, string> = {
      STAGE: settings.stage,
      TABLE_NAME: this.data.table.tableName,
      DOCUMENTS_BUCKET: this.data.documents.bucketName,
      FACE_VERIFIER: settings.faceVerifier,
      WECHAT_AUTH: settings.wechatAuth,
      KEY_CUSTODY: settings.keyCustody,
      PLATFORM_SM2_KEYS: settings.sm2Keys,
      ...(settings.wechatAppId ? { WECHAT_APP_ID: settings.wechatAppId } : {}),
      ...(settings.publicBaseUrl ? { PUBLIC_BASE_URL: settings.publicBaseUrl } : {}),
    };
    const functionProps: Omit<SealFunctionProps, 'name' | 'entry' | 'permissions'> = {
      settings,
      environment,
      targets: { table: this.data.table, documents: this.data.documents, auditArchive: this.data.auditArchive, keys: this.keys, keyCustody: settings.keyCustody },
      secrets: this.secrets,
      removalPolicy: settings.removalPolicy,
    };

    const routes = props.routes ?? ROUTES;
    this.authorizer = new SealFunction(this, 'Fn-authorizer', {
      ...functionProps,
      name: 'authorizer',
      entry: AUTHORIZER_ENTRY,
      permissions: AUTHORIZER_PERMISSIONS,
      define: authorizerDefine(routes),
    });
    addFunctionAlarms(this, 'authorizer', this.authorizer.fn, alarmTopic);
    this.api = new SealApi(this, 'Api', { authorizerFunction: this.authorizer.fn, logRetentionDays: settings.logRetentionDays, removalPolicy: settings.removalPolicy });
    addApiAlarm(this, this.api.api.metricServerError({ period: Duration.minutes(5) }), alarmTopic);
    if (settings.edge === 'cloudfront-waf') {
      const webAclArn = props.webAclArn ?? (this.firewall = new EdgeFirewall(this, 'Firewall', { stage: settings.stage, routes })).webAcl.attrArn;
      this.edge = new ApiEdge(this, 'Edge', { api: this.api.api, webAclArn, originSecret: this.secrets.all.originVerify, accessLogs: this.data.accessLogs, removalPolicy: settings.removalPolicy });
    }
    // Without a custom domain, people reach the platform at CloudFront's URL (or the API's own without the edge).
    const apiUrl = this.edge ? `https://${this.edge.distribution.distributionDomainName}` : this.api.api.apiEndpoint;
    if (!settings.publicBaseUrl) environment.PUBLIC_BASE_URL = apiUrl;

    for (let group = 0; group < HANDLER_GROUPS; group++) {
      const mine = routes.filter((r) => groupOf(r.handler) === group);
      if (mine.length === 0) continue;
      this.groups.push(
        new HandlerGroup(this, `Handlers${group}`, {
          routes: mine,
          api: this.api.api,
          sessionAuthorizer: this.api.sessionAuthorizer,
          functionProps: { ...functionProps, behindEdge: !!this.edge },
          alarmTopic,
        }),
      );
    }
    this.api.throttleRoutes(routes, this.groups);

    this.renewalJob = new SealFunction(this, 'Fn-renewal-job', { ...functionProps, name: 'renewal-job', entry: RENEWAL_JOB_ENTRY, permissions: RENEWAL_JOB_PERMISSIONS });
    addFunctionAlarms(this, 'renewal-job', this.renewalJob.fn, alarmTopic);
    new events.Rule(this, 'RenewalSchedule', {
      description: 'Daily seal renewal job: renewal_due 30 days before expiry, expired after',
      schedule: events.Schedule.cron({ minute: '0', hour: '18' }), // 02:00 China Standard Time
      targets: [new targets.LambdaFunction(this.renewalJob.fn, { retryAttempts: 2, maxEventAge: Duration.hours(6) })],
    });

    this.archiveJob = new SealFunction(this, 'Fn-archive-job', { ...functionProps, name: 'archive-job', entry: ARCHIVE_JOB_ENTRY, permissions: ARCHIVE_JOB_PERMISSIONS });
    addFunctionAlarms(this, 'archive-job', this.archiveJob.fn, alarmTopic);
    new events.Rule(this, 'ArchiveSchedule', {
      description: 'Daily archive job: a document timestamp for kept PDFs a year before their newest timestamp\'s TSA certificate expires',
      schedule: events.Schedule.cron({ minute: '30', hour: '18' }), // 02:30 China Standard Time
      targets: [new targets.LambdaFunction(this.archiveJob.fn, { retryAttempts: 2, maxEventAge: Duration.hours(6) })],
    });

    // Every quarter hour, a checkpoint for each company whose chain has links none covers yet (decision 0227).
    this.auditCheckpointJob = new SealFunction(this, 'Fn-audit-checkpoint-job', {
      ...functionProps,
      name: 'audit-checkpoint-job',
      entry: AUDIT_CHECKPOINT_JOB_ENTRY,
      permissions: AUDIT_CHECKPOINT_JOB_PERMISSIONS,
    });
    addFunctionAlarms(this, 'audit-checkpoint-job', this.auditCheckpointJob.fn, alarmTopic);
    new events.Rule(this, 'AuditCheckpointSchedule', {
      description: 'Audit checkpoint job: timestamps the head of every company audit chain with links no checkpoint covers',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(this.auditCheckpointJob.fn, { retryAttempts: 1, maxEventAge: Duration.minutes(15) })],
    });

    // The platform bootstrap (root CA and TSA certificates, P-256 and SM2, and the seal maker) runs once the keys and the table exist, at
    // every deployment that changes it; requests only read what it made (decision 0029).
    this.bootstrap = new SealFunction(this, 'Fn-bootstrap-platform', { ...functionProps, name: 'bootstrap-platform', entry: BOOTSTRAP_ENTRY, permissions: BOOTSTRAP_PERMISSIONS });
    addFunctionAlarms(this, 'bootstrap-platform', this.bootstrap.fn, alarmTopic);
    const bootstrapTrigger = new triggers.Trigger(this, 'BootstrapPlatform', {
      handler: this.bootstrap.fn,
      executeAfter: [this.keys, this.data],
      executeOnHandlerChange: true,
      timeout: Duration.minutes(2),
    });
    suppressTriggerFindings(this, bootstrapTrigger);

    // The table stream's consumers: the archive copies each linked audit event to the Object Lock
    // bucket (decision 0023); the chainer links the events changes wrote into each company's chain (decision 0160).
    this.auditArchiveWriter = new TableStreamConsumer(this, 'AuditArchiveWriter', {
      functionProps,
      name: 'audit-archive',
      entry: AUDIT_ARCHIVE_ENTRY,
      permissions: AUDIT_ARCHIVE_PERMISSIONS,
      environment: { STAGE: settings.stage, AUDIT_ARCHIVE_BUCKET: this.data.auditArchive.bucketName },
      filter: AUDIT_EVENT_FILTER,
      failureDescription: 'audit archive: stream records that could not be archived',
      alarmTopic,
    });
    this.auditChainer = new TableStreamConsumer(this, 'AuditChainer', {
      functionProps,
      name: 'audit-chain',
      entry: AUDIT_CHAIN_ENTRY,
      permissions: AUDIT_CHAIN_PERMISSIONS,
      environment,
      filter: PENDING_AUDIT_EVENT_FILTER,
      failureDescription: 'audit chainer: stream records whose company could not be chained',
      alarmTopic,
    });

    this.signingBatchWorker = new SigningBatchWorker(this, 'SigningBatchWorker', { functionProps, stage: settings.stage, alarmTopic });
    for (const group of this.groups) {
      const start = group.functions.get('start-signing-batch');
      if (start) this.signingBatchWorker.grantStart(start.fn);
    }

    new CfnOutput(this, 'ApiUrl', { value: apiUrl, description: 'TARO_APP_API_BASE for the mini-program build' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: this.data.documents.bucketName });
    new CfnOutput(this, 'AuditArchiveBucket', { value: this.data.auditArchive.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn, description: 'Subscribe the on-call channel here' });
  }

  /** Every handler's function, across the nested stacks. */
  handlerFunctions(): Map<string, SealFunction> {
    return new Map(this.groups.flatMap((g) => [...g.functions]));
  }
}
