// The shape of a Kubernetes rule: checked once per object; workspace rules collect facts per object.
import type { BaseContext, CheckRule, RuleMeta, WorkspaceRule } from '../core/types';
import type { K8sFile, K8sObject } from './model';

export interface K8sContext<M extends string = string> extends BaseContext<M> {
  k8s: K8sFile;
  /** The object being checked; rules run once per Kubernetes object. */
  object: K8sObject;
}

export interface K8sRule<M extends string = string> extends CheckRule<M, K8sContext<M>> {
  meta: RuleMeta<M> & { target: 'k8s' };
}

export interface K8sWorkspaceRule<M extends string = string, F = unknown> extends WorkspaceRule<M, F, K8sObject> {
  meta: RuleMeta<M> & { target: 'k8s' };
}

/** Identity helpers that give rules precise messageId types without casts. */
export function k8sRule<M extends string>(rule: K8sRule<M>): K8sRule<M> {
  return rule;
}
export function k8sWorkspaceRule<M extends string, F>(rule: K8sWorkspaceRule<M, F>): K8sWorkspaceRule<M, F> {
  return rule;
}
