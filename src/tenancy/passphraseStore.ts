import * as vscode from 'vscode';
import type { PassphraseRequest, PassphraseSource } from '../core/oci';
import { prompts } from '../platform/prompts';

/**
 * Pass phrases of encrypted keys, kept in SecretStorage once one has opened its key. They are
 * never written to settings or the log. Only a command the user ran asks for one: a tree that
 * loads by itself must not pop up a password box.
 */
export class PassphraseStore {
  /** Answers from SecretStorage only. */
  readonly silent: PassphraseSource = {
    get: (request) => this.stored(request),
    accepted: (request, passphrase) => this.keep(request, passphrase),
  };

  /** Answers from SecretStorage, else asks with a password box. */
  readonly interactive: PassphraseSource = {
    get: async (request) => (await this.stored(request)) ?? this.ask(request),
    accepted: (request, passphrase) => this.keep(request, passphrase),
  };

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Whether a pass phrase is kept for this key file. */
  async has(keyFile: string): Promise<boolean> {
    return (await this.secrets.get(secretKey(keyFile))) !== undefined;
  }

  forget(keyFile: string): Promise<void> {
    return Promise.resolve(this.secrets.delete(secretKey(keyFile)));
  }

  private async stored(request: PassphraseRequest): Promise<string | undefined> {
    if (request.previousWasWrong) {
      // The kept one no longer opens the key (it was replaced): forget it.
      await this.forget(request.keyFile);
      return undefined;
    }
    return this.secrets.get(secretKey(request.keyFile));
  }

  private ask(request: PassphraseRequest): Thenable<string | undefined> {
    return prompts.input({
      title: vscode.l10n.t('Pass phrase of the key of profile {0}', request.profile),
      prompt: request.previousWasWrong
        ? vscode.l10n.t('That pass phrase did not open {0}. Try again.', request.keyFile)
        : vscode.l10n.t(
            '{0} is encrypted. Its pass phrase is kept in the editor’s secret storage, never in a file.',
            request.keyFile,
          ),
      password: true,
      ignoreFocusOut: true,
    });
  }

  private keep(request: PassphraseRequest, passphrase: string): Promise<void> {
    return Promise.resolve(this.secrets.store(secretKey(request.keyFile), passphrase));
  }
}

// Keyed by the key file, not the profile: profiles that share a key share its pass phrase.
function secretKey(keyFile: string): string {
  return `oew.passphrase:${keyFile}`;
}
