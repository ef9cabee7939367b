import * as vscode from 'vscode';
import { SenderRequest, SenderSecrets } from '../core/sender/senderTypes';

/**
 * The sender's secrets in SecretStorage, keyed by where they go once variables are expanded: a
 * Basic password by user and origin, a token by origin, a client secret by token URL and client,
 * a robot's secret_key by template and origin. A secret typed once is used again for the same
 * place only, so switching environments never sends a production token to a local server.
 */
export class SenderSecretStore {
  constructor(private readonly storage: vscode.SecretStorage) {}

  /**
   * The secrets for `expanded` (the request with its URL and auth fields expanded): those typed
   * now, kept for next time, else those kept before. A place that is not a URL keeps nothing.
   */
  async resolve(expanded: SenderRequest, typed: SenderSecrets, templateTakesSecret: boolean): Promise<SenderSecrets> {
    const origin = originOf(expanded.url);
    const auth = await this.take(authKeyOf(expanded), typed.auth);
    const template = templateTakesSecret
      ? await this.take(origin && `oew.sender/template/${expanded.template}/${origin}`, typed.template)
      : undefined;
    return { ...(auth ? { auth } : {}), ...(template ? { template } : {}) };
  }

  /** Keeps a Basic password that came inside an endpoint URL, as if typed for that user and origin. */
  async storeBasic(url: string, username: string, password: string): Promise<void> {
    const key = authKeyOf({ url, auth: { kind: 'basic', username } });
    if (key) {
      await this.storage.store(key, password);
    }
  }

  private async take(key: string | undefined, typed: string | undefined): Promise<string | undefined> {
    if (!key) {
      return typed;
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
  const origin = originOf(request.url);
  switch (auth.kind) {
    case 'basic':
      return origin && `oew.sender/basic/${auth.username}@${origin}`;
    case 'bearer':
      return origin && `oew.sender/bearer/${origin}`;
    case 'oauth2':
      return originOf(auth.tokenUrl) && `oew.sender/oauth2/${auth.tokenUrl.trim()}|${auth.clientId.trim()}`;
    default:
      return undefined;
  }
}

function originOf(url: string): string | undefined {
  return URL.canParse(url.trim()) ? new URL(url.trim()).origin : undefined;
}
