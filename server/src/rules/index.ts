// Every rule, imported explicitly (bundler-safe) and kept sorted; test/meta checks this list against rules/.
import type { Rule } from '../core/types';
import { setDefaultRules } from '../core/engine';
import dockerfileNoLatestTag from './dockerfile/no-latest-tag';
import k8sNoPrivileged from './k8s/no-privileged';

export const RULES: readonly Rule[] = [dockerfileNoLatestTag, k8sNoPrivileged];

setDefaultRules(() => RULES);
