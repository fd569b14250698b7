// The shape of a Dockerfile rule: checked once per file, with the parsed model.
import type { BaseContext, CheckRule, RuleMeta } from '../core/types';
import type { DockerfileModel } from './model';

export interface DockerfileContext<M extends string = string> extends BaseContext<M> {
  dockerfile: DockerfileModel;
}

export interface DockerfileRule<M extends string = string> extends CheckRule<M, DockerfileContext<M>> {
  meta: RuleMeta<M> & { target: 'dockerfile' };
}

/** Identity helper that gives a rule precise messageId types without casts. */
export function dockerfileRule<M extends string>(rule: DockerfileRule<M>): DockerfileRule<M> {
  return rule;
}
