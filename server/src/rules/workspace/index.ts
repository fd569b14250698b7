// Cross-target workspace rules (`workspace/...`): facts from every target's files, decided across the workspace.
// Kept sorted by id; test/core/meta.test.ts checks this list.
import type { Rule } from '../../core/types';
import imageDigestConsistency from './image-digest-consistency';

export const WORKSPACE_RULES: readonly Rule[] = [imageDigestConsistency];
