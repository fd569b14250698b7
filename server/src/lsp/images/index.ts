// The language server's image features, one module each: "Pin to digest" actions (pinActions), the pin-all
// commands (pinCommands), the image hover (hover), digest-drift diagnostics (drift) and signature verdicts
// (signatures), over the shared OCI client and lookup gate (lookups). This façade only routes server events to them.
import type { CodeAction, Diagnostic, Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../core/engine';
import type { ActionContext } from '../codeActions';
import type { Settings } from '../settings';
import { DigestDrift } from './drift';
import { ImageHover } from './hover';
import { ImageLookups, type ImageFeatureDeps } from './lookups';
import { PIN_COMMAND, PinActions } from './pinActions';
import { PIN_FILE_COMMAND, PIN_WORKSPACE_COMMAND, PinCommands } from './pinCommands';
import { SignatureChecks } from './signatures';

export { cacheDirFrom, type ImageFeatureDeps } from './lookups';
export { mergeHovers } from './hover';
export { PIN_ACTION_KIND, PIN_COMMAND, isPinRequest, type PinRequest } from './pinActions';
export { PIN_FILE_COMMAND, PIN_WORKSPACE_COMMAND, type PinSummary } from './pinCommands';

export const IMAGE_COMMANDS = [PIN_COMMAND, PIN_FILE_COMMAND, PIN_WORKSPACE_COMMAND];

export class ImageFeatures {
  private readonly lookups: ImageLookups;
  private readonly drift: DigestDrift;
  private readonly pinActions: PinActions;
  private readonly pinCommands: PinCommands;
  private readonly imageHover: ImageHover;
  private readonly signatures: SignatureChecks;

  constructor(deps: ImageFeatureDeps) {
    this.lookups = new ImageLookups(deps);
    this.drift = new DigestDrift(this.lookups);
    this.pinActions = new PinActions(this.lookups, this.drift);
    this.pinCommands = new PinCommands(this.lookups);
    this.signatures = new SignatureChecks(this.lookups);
    this.imageHover = new ImageHover(this.lookups, this.signatures);
  }

  extraDiagnostics(doc: TextDocument, result: LintResult | undefined, settings: Settings): Diagnostic[] {
    return [...this.drift.diagnostics(doc, result, settings), ...(result ? this.signatures.diagnostics(doc, result, settings) : [])];
  }

  /** After open and save (never while typing): verify the signatures the policy asks for, in the background. */
  checkSignatures(uri: string): void {
    void this.signatures.refresh(uri).catch((err: unknown) => this.lookups.deps.log(`Shipshape signature check of ${uri} failed: ${err instanceof Error ? err.message : String(err)}`));
  }

  codeActions(ctx: ActionContext): CodeAction[] {
    return this.pinActions.codeActions(ctx);
  }

  resolveAction(action: CodeAction): Promise<CodeAction> {
    return this.pinActions.resolveAction(action);
  }

  async executeCommand(command: string, args: readonly unknown[] = []): Promise<unknown> {
    if (command === PIN_COMMAND) return this.pinActions.run(args[0]);
    if (command === PIN_FILE_COMMAND || command === PIN_WORKSPACE_COMMAND) return this.pinCommands.run(command, args[0]);
    return undefined;
  }

  hover(uri: string, position: Position, result: LintResult): Promise<Hover | null> {
    return this.imageHover.hover(uri, position, result);
  }

  forget(uri: string): void {
    this.lookups.forget(uri);
  }
}
