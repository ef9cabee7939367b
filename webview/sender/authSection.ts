import * as l10n from '@vscode/l10n';
import { SENDER_AUTH_KINDS } from '../../src/core/sender/senderTypes';
import type { SenderAuth, SenderAuthKind, SenderContext } from '../../src/protocol/webviewMessages';
import { el } from '../shared/dom';
import { select, textField, withMissing } from './controls';
import type { FormSection } from './formSection';

export const authLabels = (): Record<SenderAuthKind, string> => ({
  none: l10n.t('None'),
  basic: l10n.t('Basic'),
  bearer: l10n.t('Bearer token'),
  oauth2: l10n.t('OAuth2 client credentials'),
  oci: l10n.t('OCI request signature'),
});

/** The Auth tab: the kind, then what that kind needs; a secret field's value stays out of the form's state. */
export function authSection(form: FormSection, context: SenderContext): HTMLElement {
  const box = el('div', undefined, 'grid');
  const auth = form.state.request.auth;
  const setAuth = (next: SenderAuth, rerender = false) => {
    form.state.request.auth = next;
    form.changed(rerender);
  };
  box.append(
    el('label', l10n.t('Kind')),
    select(
      SENDER_AUTH_KINDS.map((k) => ({ value: k, label: authLabels()[k] })),
      auth.kind,
      (kind) => {
        // A password typed for Basic is no Bearer token.
        form.state.secrets.auth = undefined;
        setAuth(defaultAuth(kind as SenderAuthKind, context), true);
      },
      { id: 'auth-kind', label: l10n.t('Auth kind') },
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
        placeholder: l10n.t('Kept in SecretStorage; leave empty to use the kept one'),
      }),
      el('span', l10n.t('Never saved in history, requests or the panel’s state.'), 'muted'),
    );
  switch (auth.kind) {
    case 'basic':
      text(l10n.t('Username'), auth.username, (username) => setAuth({ ...auth, username }), 'auth-username');
      secret(l10n.t('Password'));
      break;
    case 'bearer':
      secret(l10n.t('Token'));
      break;
    case 'oauth2':
      text(l10n.t('Token URL'), auth.tokenUrl, (tokenUrl) => setAuth({ ...auth, tokenUrl }), 'auth-token-url');
      text(l10n.t('Client id'), auth.clientId, (clientId) => setAuth({ ...auth, clientId }), 'auth-client-id');
      text(l10n.t('Scope'), auth.scope, (scope) => setAuth({ ...auth, scope }), 'auth-scope');
      secret(l10n.t('Client secret'));
      break;
    case 'oci':
      box.append(
        el('label', l10n.t('Profile')),
        context.profiles.length
          ? select(
              withMissing(context.profiles, auth.profile).map((p) => ({
                value: p,
                label: context.profiles.includes(p) ? p : l10n.t('{0} (not in the Tenancy view)', p),
              })),
              auth.profile,
              (profile) => setAuth({ kind: 'oci', profile }),
              { id: 'auth-profile', label: l10n.t('OCI profile') },
            )
          : el('span', l10n.t('The Tenancy view has no profiles.'), 'warning'),
        el('span', l10n.t('Signed with the profile’s API key, as the OCI SDK signs its calls.'), 'muted'),
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
