import Module from 'module';
import { EventEmitter, l10nText } from '../../../scripts/vscodeStub';

/**
 * The part of the `vscode` module the VS Code layer's logic touches, made of plain classes, so
 * that what a command decides and what a tree shows can be checked in plain Node. Questions go
 * through the Prompts seam, which the tests script; what the window shows is recorded here.
 */
export const shown: { info: string[]; errors: string[]; status: string[] } = { info: [], errors: [], status: [] };

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState = 0,
  ) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class MarkdownString {
  value = '';
  appendText(text: string): this {
    this.value += text;
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

const noCancel = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

export const fake = {
  EventEmitter,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  window: {
    withProgress: (_options: unknown, task: (progress: unknown, token: typeof noCancel) => unknown) =>
      Promise.resolve(task({ report: () => undefined }, noCancel)),
    showInformationMessage: (message: string) => (shown.info.push(message), Promise.resolve(undefined)),
    showErrorMessage: (message: string) => (shown.errors.push(message), Promise.resolve(undefined)),
    setStatusBarMessage: (message: string) => (shown.status.push(message), { dispose: () => undefined }),
    showWarningMessage: () => Promise.reject(new Error('a question was asked that the test did not script')),
    showInputBox: () => Promise.reject(new Error('an input box was opened that the test did not script')),
    showQuickPick: () => Promise.reject(new Error('a quick pick was opened that the test did not script')),
  },
  l10n: { t: l10nText },
  env: { language: 'en' },
  commands: { executeCommand: () => Promise.resolve(undefined) },
  workspace: {
    // Replaced by tests that read settings.
    getConfiguration: (_section?: string): { get: (key: string) => unknown } => ({ get: () => undefined }),
  },
};

const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })
  ._resolveFilename;
(Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake } as unknown as NodeJS.Module;
