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

export function installVscodeStub(): void {
  const vscode = Object.fromEntries(NAMESPACES.map((name) => [name, stub()]));
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
