// Dockerfile rules, imported explicitly and kept sorted by id; test/core/meta.test.ts checks this list.
import type { Rule } from '../../core/types';
import noLatestTag from './no-latest-tag';

export const DOCKERFILE_RULES: readonly Rule[] = [noLatestTag];
