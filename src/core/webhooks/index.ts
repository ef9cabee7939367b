// The entry of dist/webhooks.js: the HTTP sender, the burst and the inbox, which need undici and
// Node's HTTP server. The extension loads it when a request is first sent or the inbox started.
export { sendRequest } from '../http/sender';
export { sendBurst } from '../http/burst';
export type { BurstResult } from '../http/burst';
export { startInbox } from '../inbox/inboxServer';
export type { Inbox, InboxOptions } from '../inbox/inboxServer';
