import { Template } from 'aws-cdk-lib/assertions';
import type { Route } from '@seal/shared/api';
import { buildApp, type AppEnvironment } from '../app';
import type { NagFinding } from '../nag';
import type { SealPlatformStack } from '../seal-platform-stack';

export interface SynthesizedStage {
  stack: SealPlatformStack;
  /** The parent stack's template. */
  main: Template;
  /** Each handler's nested stack template, by handler name. */
  handlerTemplates: Map<string, Template>;
  /** Every template: parent and nested. */
  all: Template[];
  findings: NagFinding[];
  /** The us-east-1 stack holding the web ACL, when the platform goes to another region. */
  edge?: Template;
}

/** Synthesizes one stage with stub code (no bundling), cdk-nag included. */
export function synthStage(context: Record<string, unknown> = {}, routes?: readonly Route[], env?: AppEnvironment): SynthesizedStage {
  const { app, stack, edgeStack, nag } = buildApp({ bundling: 'stub', ...context }, routes, env);
  app.synth();
  const main = Template.fromStack(stack);
  const handlerTemplates = new Map<string, Template>();
  const groups = stack.groups.map((group) => ({ group, template: Template.fromStack(group) }));
  for (const { group, template } of groups) for (const name of group.functions.keys()) handlerTemplates.set(name, template);
  return { stack, main, handlerTemplates, all: [main, ...groups.map((g) => g.template)], findings: nag.findings, ...(edgeStack ? { edge: Template.fromStack(edgeStack) } : {}) };
}

/** Resources of a type across all templates. */
export function resourcesOf(stage: SynthesizedStage, type: string): Record<string, { Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }> {
  return Object.assign({}, ...stage.all.map((t) => t.findResources(type)));
}
