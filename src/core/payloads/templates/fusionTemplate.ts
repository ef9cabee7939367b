import { findEvent, parseQName } from '../../fusion/fusionEvents';
import { buildFusionEventPayload, FUSION_EVENT_HEADERS } from '../fusionEvent';
import { WebhookTemplate } from './templateTypes';

export const fusionEventTemplate: WebhookTemplate = {
  id: 'fusion-event',
  title: 'Fusion business event',
  platform: 'Fusion',
  description: "A Fusion ERP business event's payload, wrapped in onEvent, as an OIC ERP Cloud trigger receives it.",
  fields: [
    {
      name: 'event',
      description: 'The event by {namespace}LocalName, catalog id, or local name when that is unique.',
      default: '{http://xmlns.oracle.com/apps/prc/po/approval/PrcPoApprovalComposite/PurchaseOrder}PurchaseOrder',
    },
  ],
  takesBody: true,
  build: (input, fields, context) => {
    const event = findEvent(context.fusionEvents, fields.event);
    if (!event) {
      const local = parseQName(fields.event)?.local ?? fields.event;
      const near = context.fusionEvents.filter((e) => e.name.toLowerCase().includes(local.toLowerCase())).slice(0, 3);
      throw new Error(
        `${fields.event} is not in the reference Fusion catalog${near.length ? `; did you mean ${near.map((e) => e.name).join(' or ')}?` : '.'}`,
      );
    }
    const body = input.body ?? Buffer.from(buildFusionEventPayload(event), 'utf8');
    const warnings = input.body && !/^\s*</.test(input.body.toString('utf8')) ? ['The body is not XML.'] : [];
    return { method: 'POST', url: input.url, headers: { ...FUSION_EVENT_HEADERS }, body, warnings };
  },
};
