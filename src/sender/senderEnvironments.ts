import * as vscode from 'vscode';
import { EnvApprovals } from '../core/variables/envApprovals';
import { ENVIRONMENTS_FILE, parseEnvironments, resolveEnvironment } from '../core/variables/environments';
import { envReferences } from '../core/variables/variables';
import { prompts } from '../platform/prompts';

const APPROVALS_KEY = 'oew.sender.envApprovals';
const FORM_NAMES_KEY = 'oew.sender.formEnvNames';

/** `.oew/environments.json` of the first workspace folder, and which of its `{{env:…}}` the user let through. */
export class SenderEnvironments {
  constructor(private readonly workspaceState: vscode.Memento) {}

  get file(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, ENVIRONMENTS_FILE);
  }

  /** The environments' names, or why the file cannot be read; no file is no environments. */
  async names(): Promise<{ names: string[]; error?: string }> {
    const text = await this.read();
    if (text === undefined) {
      return { names: [] };
    }
    try {
      return { names: Object.keys(parseEnvironments(text, ENVIRONMENTS_FILE)) };
    } catch (err) {
      return { names: [], error: (err as Error).message };
    }
  }

  /**
   * One environment's values. The file is shared through git, so before its `{{env:…}}` read the
   * user's environment variables, the user approves this content of it once (asked in a modal).
   */
  async values(name: string | undefined, ask = true): Promise<Record<string, string>> {
    if (!name) {
      return {};
    }
    const text = await this.read();
    if (text === undefined) {
      throw new Error(vscode.l10n.t('The environment "{0}" is chosen, but there is no {1}.', name, ENVIRONMENTS_FILE));
    }
    const environments = parseEnvironments(text, ENVIRONMENTS_FILE);
    const names = envReferences(JSON.stringify(environments[name] ?? {}));
    const approvals = new EnvApprovals(this.workspaceState.get(APPROVALS_KEY));
    let allowed = approvals.missing(ENVIRONMENTS_FILE, text, names).length === 0;
    if (!allowed && ask) {
      const allow = vscode.l10n.t('Allow');
      const answer = await prompts.choose(
        vscode.l10n.t('{0} reads environment variables into requests: {1}.', ENVIRONMENTS_FILE, names.join(', ')),
        {
          modal: true,
          detail: vscode.l10n.t(
            'A file shared through git could send your tokens anywhere. Allow this content of the file to read them? A change to the file asks again.',
          ),
        },
        allow,
      );
      if (answer === allow) {
        approvals.approve(ENVIRONMENTS_FILE, text, names);
        await this.workspaceState.update(APPROVALS_KEY, approvals.toJSON());
        allowed = true;
      }
    }
    return resolveEnvironment(environments, name, {
      file: ENVIRONMENTS_FILE,
      ...(allowed ? { processEnv: (n: string) => process.env[n] } : {}),
    });
  }

  /**
   * Whether the form may read these environment variables. A request can come from a saved file
   * or an inbox capture the user has not read closely, so each name is allowed once, in a modal.
   */
  async allowInForm(names: readonly string[]): Promise<boolean> {
    const allowed = new Set(this.workspaceState.get<string[]>(FORM_NAMES_KEY) ?? []);
    const missing = names.filter((n) => !allowed.has(n));
    if (!missing.length) {
      return true;
    }
    const allow = vscode.l10n.t('Allow');
    const answer = await prompts.choose(
      vscode.l10n.t('This request reads environment variables: {0}.', missing.join(', ')),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Their values are sent to the request’s address and hidden in history. Allow the Webhook Sender to read them in this workspace?',
        ),
      },
      allow,
    );
    if (answer !== allow) {
      return false;
    }
    await this.workspaceState.update(FORM_NAMES_KEY, [...allowed, ...missing].sort());
    return true;
  }

  private async read(): Promise<string | undefined> {
    const file = this.file;
    if (!file) {
      return undefined;
    }
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
  }
}
