import Module from 'module';

/**
 * A stand-in for the `vscode` module, so the bundled extension can be loaded and activated in
 * plain Node for measurement. Every member is a callable, constructible proxy that returns
 * another proxy; it is never a thenable, so awaiting it does not hang.
 */
function stub(): unknown {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub()),
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

// Bundlers copy a module's own keys when importing `* as vscode`, so the top level is a plain object.
const NAMESPACES = [
  'window',
  'workspace',
  'commands',
  'languages',
  'tests',
  'TestRunProfileKind',
  'ExtensionMode',
  'env',
  'extensions',
  'Uri',
  'EventEmitter',
  'Disposable',
  'ThemeIcon',
  'ThemeColor',
  'TreeItem',
  'TreeItemCollapsibleState',
  'MarkdownString',
  'Position',
  'Range',
  'Diagnostic',
  'DiagnosticSeverity',
  'ConfigurationTarget',
  'QuickInputButtons',
  'ViewColumn',
  'CodeAction',
  'CodeActionKind',
  'CodeLens',
  'CompletionItem',
  'CompletionItemKind',
  'Hover',
  'TextEdit',
  'WorkspaceEdit',
];

/** A working EventEmitter: models announce changes through it, and a bench that drives a model needs them heard. */
export class EventEmitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    this.listeners.forEach((l) => l(value));
  }
  dispose(): void {
    this.listeners = [];
  }
}

type L10nValue = string | number | boolean;
type L10nArgs = L10nValue[] | [Record<string, L10nValue>];

/**
 * `vscode.l10n.t` with no translation loaded, as VS Code formats it: `{0}`, `{1}`… take the
 * arguments in order, `{name}` a named one; a placeholder without a value stays as written.
 */
export function l10nText(message: string | { message: string; args?: L10nArgs[0] }, ...args: L10nArgs): string {
  const text = typeof message === 'string' ? message : message.message;
  const given = typeof message === 'string' ? args : message.args;
  const named = Array.isArray(given) && given.length === 1 && typeof given[0] === 'object' ? given[0] : undefined;
  const values: Record<string, L10nValue> | undefined = named ?? (given as Record<string, L10nValue> | undefined);
  return text.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const value = values?.[key];
    return value === undefined ? whole : String(value);
  });
}

export function installVscodeStub(): void {
  const vscode: Record<string, unknown> = Object.fromEntries(NAMESPACES.map((name) => [name, stub()]));
  vscode.EventEmitter = EventEmitter;
  vscode.l10n = { t: l10nText };
  // Views load their rows inside withProgress: the task must run and its result come back.
  const window = stub() as object;
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
  vscode.window = new Proxy(window, {
    get: (target, key) =>
      key === 'withProgress'
        ? (_options: unknown, task: (progress: unknown, t: typeof token) => unknown) =>
            task({ report: () => undefined }, token)
        : (Reflect.get(target, key) as unknown),
  });
  const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })
    ._resolveFilename;
  (Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = {
    id: 'vscode',
    filename: 'vscode',
    loaded: true,
    exports: vscode,
  } as unknown as NodeJS.Module;
}
