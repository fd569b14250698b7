// Workspace trust as the client reports it; registry lookups must not leave the machine in an untrusted workspace.
export const TRUST_CHANGED_METHOD = 'shipshape/trustChanged';

export class WorkspaceTrust {
  private listeners: ((trusted: boolean) => void)[] = [];

  /** Editors without a trust concept say nothing; their users opened the folder deliberately, so it is trusted. */
  constructor(private value: boolean) {}

  static fromInitializationOptions(options: unknown): WorkspaceTrust {
    const trusted = typeof options === 'object' && options !== null ? (options as Record<string, unknown>).workspaceTrusted : undefined;
    return new WorkspaceTrust(trusted !== false);
  }

  get trusted(): boolean {
    return this.value;
  }

  /** Handles `shipshape/trustChanged` params; ignores malformed ones. */
  update(params: unknown): void {
    const trusted = typeof params === 'object' && params !== null ? (params as Record<string, unknown>).trusted : undefined;
    if (typeof trusted !== 'boolean' || trusted === this.value) return;
    this.value = trusted;
    for (const listener of this.listeners) listener(trusted);
  }

  onChange(listener: (trusted: boolean) => void): void {
    this.listeners.push(listener);
  }
}
