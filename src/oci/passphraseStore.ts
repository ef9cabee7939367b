import * as vscode from 'vscode';
import type { PassphraseRequest, PassphraseSource } from '../core/oci';

/**
 * Pass phrases of encrypted keys, kept in SecretStorage once one has opened its key, and
 * asked for with a password box otherwise. They are never written to settings or the log.
 */
export class PassphraseStore implements PassphraseSource {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(request: PassphraseRequest): Promise<string | undefined> {
    const key = secretKey(request.keyFile);
    if (!request.previousWasWrong) {
      const stored = await this.secrets.get(key);
      if (stored !== undefined) {
        return stored;
      }
    } else {
      await this.secrets.delete(key);
    }
    return vscode.window.showInputBox({
      title: `Pass phrase of the key of profile ${request.profile}`,
      prompt: request.previousWasWrong
        ? `That pass phrase did not open ${request.keyFile}. Try again.`
        : `${request.keyFile} is encrypted. Its pass phrase is kept in the editor's secret storage, never in a file.`,
      password: true,
      ignoreFocusOut: true,
    });
  }

  accepted(request: PassphraseRequest, passphrase: string): Promise<void> {
    return Promise.resolve(this.secrets.store(secretKey(request.keyFile), passphrase));
  }

  /** Whether a pass phrase is kept for this key file. */
  async has(keyFile: string): Promise<boolean> {
    return (await this.secrets.get(secretKey(keyFile))) !== undefined;
  }

  forget(keyFile: string): Promise<void> {
    return Promise.resolve(this.secrets.delete(secretKey(keyFile)));
  }
}

// Keyed by the key file, not the profile: profiles that share a key share its pass phrase.
function secretKey(keyFile: string): string {
  return `oew.passphrase:${keyFile}`;
}
