import { commandsOf } from '../platform/commands';
import type { SenderFeature } from './senderFeature';

/** What the sender's commands use: the panel and what it keeps. */
export interface SenderContext {
  readonly sender: Pick<SenderFeature, 'open' | 'openFile' | 'inboxUrl' | 'rememberBasicPassword'>;
}

export const senderCommand = commandsOf<SenderContext>();
