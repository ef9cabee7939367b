import { SENDER_AUTH_KINDS } from '../../src/core/sender/senderTypes';
import type { SenderAuth, SenderAuthKind, SenderContext } from '../../src/protocol/webviewMessages';
import { el } from '../shared/dom';
import { select, textField, withMissing } from './controls';
import type { FormSection } from './formSection';

export const AUTH_LABELS: Record<SenderAuthKind, string> = {
  none: 'None',
  basic: 'Basic',
  bearer: 'Bearer token',
  oauth2: 'OAuth2 client credentials',
  oci: 'OCI request signature',
};

/** The Auth tab: the kind, then what that kind needs; a secret field's value stays out of the form's state. */
export function authSection(form: FormSection, context: SenderContext): HTMLElement {
  const box = el('div', undefined, 'grid');
  const auth = form.state.request.auth;
  const setAuth = (next: SenderAuth, rerender = false) => {
    form.state.request.auth = next;
    form.changed(rerender);
  };
  box.append(
    el('label', 'Kind'),
    select(
      SENDER_AUTH_KINDS.map((k) => ({ value: k, label: AUTH_LABELS[k] })),
      auth.kind,
      (kind) => {
        // A password typed for Basic is no Bearer token.
        form.state.secrets.auth = undefined;
        setAuth(defaultAuth(kind as SenderAuthKind, context), true);
      },
      { id: 'auth-kind', label: 'Auth kind' },
    ),
    el('span', '', 'muted'),
  );
  const text = (label: string, value: string, change: (v: string) => void, id: string) =>
    box.append(el('label', label), textField(value, change, { id, label }), el('span', '', 'muted'));
  const secret = (label: string) =>
    box.append(
      el('label', label),
      textField(form.state.secrets.auth ?? '', (value) => (form.state.secrets.auth = value), {
        id: 'auth-secret',
        type: 'password',
        label,
        placeholder: 'Kept in SecretStorage; leave empty to use the kept one',
      }),
      el('span', 'Never saved in history, requests or the panel’s state.', 'muted'),
    );
  switch (auth.kind) {
    case 'basic':
      text('Username', auth.username, (username) => setAuth({ ...auth, username }), 'auth-username');
      secret('Password');
      break;
    case 'bearer':
      secret('Token');
      break;
    case 'oauth2':
      text('Token URL', auth.tokenUrl, (tokenUrl) => setAuth({ ...auth, tokenUrl }), 'auth-token-url');
      text('Client id', auth.clientId, (clientId) => setAuth({ ...auth, clientId }), 'auth-client-id');
      text('Scope', auth.scope, (scope) => setAuth({ ...auth, scope }), 'auth-scope');
      secret('Client secret');
      break;
    case 'oci':
      box.append(
        el('label', 'Profile'),
        context.profiles.length
          ? select(
              withMissing(context.profiles, auth.profile).map((p) => ({
                value: p,
                label: context.profiles.includes(p) ? p : `${p} (not in the Tenancy view)`,
              })),
              auth.profile,
              (profile) => setAuth({ kind: 'oci', profile }),
              { id: 'auth-profile', label: 'OCI profile' },
            )
          : el('span', 'The Tenancy view has no profiles.', 'warning'),
        el('span', 'Signed with the profile’s API key, as the OCI SDK signs its calls.', 'muted'),
      );
      break;
  }
  return box;
}

function defaultAuth(kind: SenderAuthKind, context: SenderContext): SenderAuth {
  switch (kind) {
    case 'basic':
      return { kind, username: '' };
    case 'oauth2':
      return { kind, tokenUrl: '', clientId: '', scope: '' };
    case 'oci':
      return { kind, profile: context.profiles[0] ?? '' };
    default:
      return { kind };
  }
}
