// The entry of dist/webhooks.js: the HTTP sender, the burst, the inbox and the template builders,
// which need undici, Node's HTTP server and xmldom. The extension loads it when the sender panel
// opens or the inbox starts, never at activation.
export { sendRequest } from '../http/sender';
export { sendBurst } from '../http/burst';
export type { BurstResult } from '../http/burstResult';
export { TokenCache, withAuthorization } from '../http/requestAuth';
export { startInbox } from '../inbox/inboxServer';
export type { Inbox, InboxOptions } from '../inbox/inboxTypes';
export { WEBHOOK_TEMPLATES } from '../payloads/templates/webhookTemplates';
export { buildSenderRequest, PANEL_AUTH_FIELDS } from '../sender/buildSenderRequest';
export { referenceCatalog } from '../fusion/referenceCatalog';
