/**
 * Every message between the extension and its webviews, typed once and imported by both
 * sides, so that a change to a message is a compile error on the side that was not updated.
 */
import type { ProfileCheckResult } from '../core/ociConfig/profileCheckResult';

export type { CheckStatus, ProfileCheckResult } from '../core/ociConfig/profileCheckResult';

/** Profile check panel: extension → webview. */
export type ProfileCheckHostMessage =
  | { readonly type: 'checking'; readonly profile: string; readonly file: string }
  | {
      readonly type: 'results';
      readonly profile: string;
      readonly file: string;
      readonly checkedAt: string;
      readonly results: readonly ProfileCheckResult[];
    }
  | { readonly type: 'error'; readonly profile: string; readonly message: string };

/** Profile check panel: webview → extension. */
export type ProfileCheckViewMessage =
  { readonly type: 'ready' } | { readonly type: 'recheck' } | { readonly type: 'openConfigFile' };
