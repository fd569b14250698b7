// The shape of a Compose rule: checked once per service, with the whole file at hand.
import type { BaseContext, CheckRule, RuleMeta } from '../core/types';
import type { ComposeFile, ComposeService } from './model';

export interface ComposeContext<M extends string = string> extends BaseContext<M> {
  compose: ComposeFile;
  /** The service being checked; findings name it. */
  service: ComposeService;
}

export interface ComposeRule<M extends string = string> extends CheckRule<M, ComposeContext<M>> {
  meta: RuleMeta<M> & { target: 'compose' };
}

/** Identity helper that gives a rule precise messageId types without casts. */
export function composeRule<M extends string>(rule: ComposeRule<M>): ComposeRule<M> {
  return rule;
}
