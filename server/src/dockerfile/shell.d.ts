import type { SourceFile } from '../core/source';
import type { DWord, Heredoc } from './model';
export interface ShSource {
    text: string;
    /** Document offset of an index in `text`. */
    offsetOf(index: number): number;
}
export interface ShWord {
    /** Text after quote removal; expansions are kept as written (`$buildDeps`). */
    value: string;
    raw: string;
    /** Document offsets. */
    start: number;
    end: number;
    quoted: boolean;
    /** Contains a parameter expansion, command substitution or arithmetic. */
    dynamic: boolean;
    /** Scripts of `$(…)`, backquotes and `<(…)` inside the word. */
    substitutions: ShScript[];
    /** Document offset of a character of `value`, when quoting makes it differ from `start + i`. */
    offsetOfValue(i: number): number;
}
export interface ShRedirect {
    op: string;
    fd?: string;
    target?: ShWord;
    /** For `<<`: the here-document body parsed as a script when the command is a shell reading stdin. */
    heredoc?: {
        content: string;
        start: number;
        quoted: boolean;
    };
}
export interface ShCommand {
    /** All words after leading assignments, as written (`sudo`, `-E`, `apt-get`, …). */
    words: ShWord[];
    /** The command after wrappers such as `sudo`, `env`, `exec`, `nice`, `timeout`, `gosu` are skipped. */
    argv: ShWord[];
    /** Basename of argv[0]; empty for a bare assignment. */
    name: string;
    assignments: ShWord[];
    redirects: ShRedirect[];
    pipeline: ShPipeline;
    /** Position in the pipeline (0 for the first command). */
    pipeIndex: number;
    /** The command whose `sh -c`/heredoc/eval carried this one, if any. */
    parent?: ShCommand;
    /** Inside `$(…)`, backquotes or `<(…)`. */
    inSubstitution: boolean;
    start: number;
    end: number;
    /** Index in execution order within the whole script tree. */
    order: number;
}
export interface ShPipeline {
    /** Elements in pipe order; each holds the commands of one element (a subshell or group may hold several). */
    elements: ShCommand[][];
}
export interface ShScript {
    /** Every simple command in source order, including nested scripts. */
    commands: ShCommand[];
    /** A parse problem (unterminated quote or substitution); the commands found so far are kept. */
    incomplete?: string;
}
export interface ShellOptions {
    /** Dockerfile heredocs that feed `<<EOF` redirections written on the RUN line. */
    heredocs?: Heredoc[];
    /** Exec-form words (`RUN ["sh", "-c", "…"]`). */
    execWords?: DWord[];
    file?: SourceFile;
}
export declare function isShellName(name: string): boolean;
export declare function parseShell(source: ShSource, options?: ShellOptions): ShScript;
export declare function commandName(value: string): string;
/** Every command in the script, plus the options of a command as a set of short flags and long options. */
export interface ParsedOptions {
    /** Short flags (letters) and long options (without dashes), mapped to the word that set them. */
    flags: Map<string, ShWord>;
    /** Non-option arguments. */
    operands: ShWord[];
    /** Values of options declared as taking one (`-o file`, `--output=file`). */
    values: Map<string, ShWord[]>;
}
/**
 * Parses getopt-style options. `withValue` lists options that take a value (short letters and long names);
 * `--name=value` always carries its value. Dynamic words are operands.
 */
export declare function parseOptions(args: readonly ShWord[], withValue?: ReadonlySet<string>): ParsedOptions;
