import * as vscode from 'vscode';
import { passwordsFromEnvironment } from '../core/fusion/environmentPasswords';
import { FusionConnection } from '../core/fusion/fusionClient';
import { readFusionConnectionEntries } from '../platform/settings';

/** The connections of the `oew.fusion.connections` setting; entries without a name, URL or user are skipped. */
export function readFusionConnections(): FusionConnection[] {
  return readFusionConnectionEntries().flatMap((entry) => {
    const c = entry as Partial<Record<keyof FusionConnection, unknown>>;
    if (typeof c.name !== 'string' || typeof c.baseUrl !== 'string' || typeof c.username !== 'string') {
      return [];
    }
    const hosts = Array.isArray(c.expectedOicHosts)
      ? c.expectedOicHosts.filter((h): h is string => typeof h === 'string')
      : [];
    return [{ name: c.name, baseUrl: c.baseUrl, username: c.username, expectedOicHosts: hosts }];
  });
}

/**
 * Passwords of Fusion connections, in SecretStorage only: never in settings, logs or errors.
 * Keyed by connection name, user and base URL: a password is never sent to a host it was not given for.
 */
export class FusionPasswords {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(connection: FusionConnection): Thenable<string | undefined> {
    return this.secrets.get(key(connection));
  }

  set(connection: FusionConnection, password: string): Thenable<void> {
    return this.secrets.store(key(connection), password);
  }

  forget(connection: FusionConnection): Thenable<void> {
    return this.secrets.delete(key(connection));
  }

  /** Keeps the passwords the environment hands over (OEW_FUSION_PASSWORDS) for connections that have none. */
  async adoptFromEnvironment(connections: readonly FusionConnection[], env = process.env): Promise<void> {
    const given = passwordsFromEnvironment(env);
    for (const connection of connections) {
      const password = given.get(connection.name);
      if (password !== undefined && (await this.get(connection)) === undefined) {
        await this.set(connection, password);
      }
    }
  }
}

function key(connection: FusionConnection): string {
  return `oew.fusion.password:${connection.name}:${connection.username}@${connection.baseUrl}`;
}
