import type { SenderHeader, SenderRequest, SenderSecrets } from '../../src/protocol/webviewMessages';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the form edits; secrets are kept apart and never saved in the webview's state. */
export interface FormState {
  request: Mutable<Omit<SenderRequest, 'headers'>> & { headers: SenderHeader[] };
  secrets: Mutable<SenderSecrets>;
  burst: { count: number; concurrency: number };
  /** The open tab, kept with the form so that it survives hiding the panel. */
  tab: number;
}

export interface FormActions {
  send(): void;
  cancel(): void;
  burst(): void;
  fillBody(): void;
  save(): void;
  openEnvironments(): void;
  /** Another template was chosen: the last one's response no longer answers this form. */
  templateChanged(): void;
  /** The form changed: keep it in the webview's state. */
  changed(): void;
}

/** What a tab of the form reads and changes. */
export interface FormSection {
  readonly state: FormState;
  readonly actions: FormActions;
  readonly sending: boolean;
  /** Keeps the change; `rerender` redraws the form, for a change that alters its rows. */
  changed(rerender?: boolean): void;
}
