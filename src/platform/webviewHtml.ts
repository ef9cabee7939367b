import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeMarkup } from '../core/text/escapeMarkup';

/**
 * The HTML shell of a webview: a CSP that denies everything by default, allows only the one
 * script carrying this page's random nonce, and styles and fonts from the extension itself;
 * with `worker`, also that one script of the extension's as a Web Worker. The page gets the
 * editor's language and, when VS Code loaded a translation of the extension, its messages.
 */
export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  bundle: string,
  title: string,
  options: { readonly worker?: string } = {},
): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    // The elements draw some of their own icons (a checkbox's tick, say) as data: images.
    `img-src ${webview.cspSource} data:`,
    // A worker from another origin is refused: the page fetches its script and starts it from a blob.
    ...(options.worker ? [`connect-src ${webview.cspSource}`, 'worker-src blob:'] : []),
  ].join('; ');
  const worker = options.worker ? ` data-worker="${escapeMarkup(asset(options.worker).toString())}"` : '';
  const translation = vscode.l10n.bundle ? ` data-l10n="${escapeMarkup(JSON.stringify(vscode.l10n.bundle))}"` : '';
  return `<!DOCTYPE html>
<html lang="${escapeMarkup(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeMarkup(title)}</title>
<link rel="stylesheet" href="${asset(`${bundle}.css`).toString()}">
</head>
<body>
<main id="app"${worker}${translation}></main>
<script nonce="${nonce}" src="${asset(`${bundle}.js`).toString()}"></script>
</body>
</html>`;
}
