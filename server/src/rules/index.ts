// Every rule; the two target lists are explicit imports (bundler-safe), checked by test/core/meta.test.ts.
import type { Rule } from '../core/types';
import { setDefaultRules } from '../core/engine';
import { DOCKERFILE_RULES } from './dockerfile';
import { K8S_RULES } from './k8s';

export const RULES: readonly Rule[] = [...DOCKERFILE_RULES, ...K8S_RULES];

setDefaultRules(() => RULES);
