// Kubernetes rules, imported explicitly and kept sorted by id; test/core/meta.test.ts checks this list.
import type { Rule } from '../../core/types';
import noPrivileged from './no-privileged';

export const K8S_RULES: readonly Rule[] = [noPrivileged];
