import * as vscode from 'vscode';
import { Arg, ArgTypes, checkArgs } from '../core/commands/commandArgs';
import { inErrorBoundary } from './errorBoundary';

/** A command of one feature: what it takes, checked before it runs, and what it does with the feature's services. */
export interface Command<Ctx> {
  /** Written out in full, so that a check can match it against package.json. */
  readonly id: string;
  readonly args: readonly Arg<unknown>[];
  readonly run: (ctx: Ctx, ...args: never[]) => unknown;
}

/** Makes a feature's command builder: the handler's parameters are typed from its argument checks. */
export function commandsOf<Ctx>() {
  return <const A extends readonly Arg<unknown>[]>(spec: {
    readonly id: string;
    readonly args: A;
    readonly run: (ctx: Ctx, ...args: ArgTypes<A>) => unknown;
  }): Command<Ctx> => spec as unknown as Command<Ctx>;
}

/**
 * Registers a feature's commands over its services. Each runs in the error boundary, after its
 * arguments are checked: a caller that passes something else gets a message that names it.
 */
export function registerCommands<Ctx>(
  titles: ReadonlyMap<string, string>,
  log: vscode.LogOutputChannel,
  ctx: Ctx,
  commands: readonly Command<Ctx>[],
): vscode.Disposable[] {
  return commands.map((command) =>
    vscode.commands.registerCommand(
      command.id,
      inErrorBoundary(log, command.id, (...args: unknown[]) => {
        checkArgs(titles.get(command.id) ?? command.id, command.args, args);
        return command.run(ctx, ...(args as never[]));
      }),
    ),
  );
}

/** Each contributed command's title as the palette shows it, for argument errors to name. */
export function commandTitles(extension: vscode.ExtensionContext): Map<string, string> {
  const manifest = extension.extension.packageJSON as {
    contributes?: { commands?: { command: string; title: string; category?: string }[] };
  };
  return new Map(
    (manifest.contributes?.commands ?? []).map((c) => {
      // "Delete Topic…" names the command; the ellipsis only promises a question.
      const title = c.title.replace(/…$/, '');
      return [c.command, c.category ? `${c.category}: ${title}` : title];
    }),
  );
}
