import * as vscode from 'vscode';
import { SenderRequest, SenderSecrets } from '../core/sender/senderTypes';

/**
 * The sender's secrets in SecretStorage, keyed by what they open: a Basic password by user and
 * origin, a token by origin, a client secret by token URL and client, a robot's secret_key by
 * template and origin. A secret typed once is used again without being typed, and never leaves
 * SecretStorage except into the request it signs.
 */
export class SenderSecretStore {
  constructor(private readonly storage: vscode.SecretStorage) {}

  /** The secrets for `request`: those typed now (kept for next time), else those kept before. */
  async resolve(request: SenderRequest, typed: SenderSecrets): Promise<SenderSecrets> {
    const authKey = authKeyOf(request);
    const templateKey = `oew.sender/template/${request.template}/${originOf(request.url)}`;
    const auth = await this.take(authKey, typed.auth);
    const template = await this.take(templateKey, typed.template);
    return { ...(auth ? { auth } : {}), ...(template ? { template } : {}) };
  }

  /** Keeps a Basic password that came inside an endpoint URL, as if typed for that user and origin. */
  async storeBasic(url: string, username: string, password: string): Promise<void> {
    await this.storage.store(authKeyOf({ url, auth: { kind: 'basic', username } })!, password);
  }

  private async take(key: string | undefined, typed: string | undefined): Promise<string | undefined> {
    if (!key) {
      return undefined;
    }
    if (typed) {
      await this.storage.store(key, typed);
      return typed;
    }
    return this.storage.get(key);
  }
}

function authKeyOf(request: Pick<SenderRequest, 'url' | 'auth'>): string | undefined {
  const auth = request.auth;
  switch (auth.kind) {
    case 'basic':
      return `oew.sender/basic/${auth.username}@${originOf(request.url)}`;
    case 'bearer':
      return `oew.sender/bearer/${originOf(request.url)}`;
    case 'oauth2':
      return `oew.sender/oauth2/${auth.tokenUrl.trim()}|${auth.clientId.trim()}`;
    default:
      return undefined;
  }
}

/** The origin a secret belongs to; a URL still holding `{{variables}}` is its own key. */
function originOf(url: string): string {
  return URL.canParse(url.trim()) ? new URL(url.trim()).origin : url.trim();
}
