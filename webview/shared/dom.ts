/** An element with its text set as text: nothing a message carries is ever parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

/** A VS Code button (`vscode-button`), secondary when asked. */
export function button(
  label: string,
  onClick: () => void,
  options: {
    readonly id?: string;
    readonly secondary?: boolean;
    readonly title?: string;
    /** The name a screen reader says, for a button whose label is a sign (+, −). */
    readonly ariaLabel?: string;
  } = {},
): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (options.id) {
    b.id = options.id;
  }
  if (options.secondary) {
    b.setAttribute('secondary', '');
  }
  if (options.title) {
    b.title = options.title;
  }
  if (options.ariaLabel) {
    b.setAttribute('aria-label', options.ariaLabel);
  }
  b.addEventListener('click', onClick);
  return b;
}
