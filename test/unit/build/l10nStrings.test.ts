import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT, typescriptFiles } from '../fixtures';

/** The layers that never import vscode: their text is English, shared with the CLI and the emulator's answers. */
const PURE = ['core', 'emulator', 'cli', 'protocol'];
const SHOWN_BY = /^show(Information|Warning|Error)Message$/;

/** Each `l10n.t` call's message, and each place that shows written text without it. */
function scan(): { messages: Set<string>; problems: string[] } {
  const messages = new Set<string>();
  const problems: string[] = [];
  const vscodeLayer = typescriptFiles(path.join(REPO_ROOT, 'src')).filter(
    (file) => !PURE.includes(path.relative(path.join(REPO_ROOT, 'src'), file).split(path.sep)[0]),
  );
  // The webviews' words go through @vscode/l10n's `l10n.t`, with the translation the extension hands the page.
  for (const file of [...vscodeLayer, ...typescriptFiles(path.join(REPO_ROOT, 'webview'))]) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${path.relative(REPO_ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const isWritten = (node: ts.Node | undefined) =>
      !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node));
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const callee = node.expression;
        const [first] = node.arguments;
        if (callee.name.text === 't' && callee.expression.getText(source).endsWith('l10n')) {
          if (first && ts.isStringLiteral(first)) {
            messages.add(first.text);
          } else {
            problems.push(`${where(node)}: l10n.t is given ${first?.getText(source) ?? 'nothing'}, not a literal`);
          }
        } else if (SHOWN_BY.test(callee.name.text) && isWritten(first)) {
          problems.push(`${where(node)}: ${callee.name.text} shows text that is not through l10n.t`);
        }
      }
      if (
        ts.isNewExpression(node) &&
        node.expression.getText(source) === 'UserError' &&
        isWritten(node.arguments?.[0])
      ) {
        problems.push(`${where(node)}: a UserError with text that is not through l10n.t`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, problems };
}

describe('the extension’s own strings', () => {
  const { messages, problems } = scan();

  it('go through vscode.l10n.t, each message a literal that the bundle export can read', () => {
    assert.deepStrictEqual(problems, []);
    assert.ok(messages.size > 400, `${messages.size} messages`);
  });

  it('are all in l10n/bundle.l10n.json, and it has no others (npm run l10n writes it)', () => {
    const bundle = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<
      string,
      string
    >;
    const keys = new Set(Object.keys(bundle));
    assert.deepStrictEqual(
      [...messages].filter((m) => !keys.has(m)),
      [],
      'missing from the bundle',
    );
    assert.deepStrictEqual(
      [...keys].filter((k) => !messages.has(k)),
      [],
      'in the bundle, no longer in the code',
    );
  });
});
