// The YAML helpers live in yaml/nodes.ts (target-neutral, Compose uses them too); Kubernetes code imports them here.
export * from '../yaml/nodes';
