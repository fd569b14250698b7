// How findings name the Kubernetes object they are about.
import type { ObjectRef } from '../core/types';
import type { K8sObject } from './model';

export function objectRef(object: K8sObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    ...(object.namespace !== undefined ? { namespace: object.namespace } : {}),
  };
}
