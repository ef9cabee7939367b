import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

/** The form's controls, built from @vscode-elements/elements so that they look and behave like VS Code's own. */

interface ControlOptions {
  readonly id?: string;
  readonly label?: string;
  readonly placeholder?: string;
}

export function textField(
  value: string,
  onInput: (value: string) => void,
  options: ControlOptions & { readonly type?: 'text' | 'password' | 'number' } = {},
): HTMLElement & { value: string } {
  const field = document.createElement('vscode-textfield');
  field.value = value;
  if (options.type) {
    field.setAttribute('type', options.type);
  }
  decorate(field, options);
  field.addEventListener('input', () => onInput(field.value));
  return field;
}

export function textArea(
  value: string,
  onInput: (value: string) => void,
  options: ControlOptions & { readonly rows?: number } = {},
): HTMLElement & { value: string } {
  const area = document.createElement('vscode-textarea');
  area.value = value;
  area.setAttribute('rows', String(options.rows ?? 12));
  area.setAttribute('monospace', '');
  area.setAttribute('resize', 'vertical');
  decorate(area, options);
  area.addEventListener('input', () => onInput(area.value));
  return area;
}

export function select(
  options: readonly { readonly value: string; readonly label: string }[],
  value: string,
  onChange: (value: string) => void,
  control: ControlOptions = {},
): HTMLElement & { value: string } {
  const box = document.createElement('vscode-single-select');
  for (const option of options) {
    const item = document.createElement('vscode-option');
    item.setAttribute('value', option.value);
    item.textContent = option.label;
    if (option.value === value) {
      item.setAttribute('selected', '');
    }
    box.append(item);
  }
  decorate(box, control);
  box.addEventListener('change', () => onChange(box.value));
  return box;
}

export function checkbox(
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
  id?: string,
): HTMLElement {
  const box = document.createElement('vscode-checkbox');
  box.checked = checked;
  box.setAttribute('label', label);
  if (id) {
    box.id = id;
  }
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

function decorate(element: HTMLElement, options: ControlOptions): void {
  if (options.id) {
    element.id = options.id;
  }
  if (options.label) {
    element.setAttribute('aria-label', options.label);
  }
  if (options.placeholder) {
    element.setAttribute('placeholder', options.placeholder);
  }
}

/** The choices with the one the request names, even when it is gone, so that the picker shows what will be sent. */
export function withMissing(values: readonly string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current] : [...values];
}
