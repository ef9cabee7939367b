import * as vscode from 'vscode';
import { withEntry } from '../core/sender/senderHistory';
import { SenderHistoryEntry } from '../core/sender/senderTypes';

const HISTORY_KEY = 'oew.sender.history';

/** The sender's history in workspace storage: redacted entries only (see historyEntry). */
export class SenderHistoryStore {
  constructor(private readonly workspaceState: vscode.Memento) {}

  entries(): SenderHistoryEntry[] {
    return this.workspaceState.get<SenderHistoryEntry[]>(HISTORY_KEY) ?? [];
  }

  get(id: string): SenderHistoryEntry | undefined {
    return this.entries().find((e) => e.id === id);
  }

  async add(entry: SenderHistoryEntry): Promise<void> {
    await this.workspaceState.update(HISTORY_KEY, withEntry(this.entries(), entry));
  }

  async clear(): Promise<void> {
    await this.workspaceState.update(HISTORY_KEY, undefined);
  }
}
