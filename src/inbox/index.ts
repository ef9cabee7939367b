// What the sender uses of the Webhook Inbox: its address while it runs.
export type { InboxController } from './inboxController';
