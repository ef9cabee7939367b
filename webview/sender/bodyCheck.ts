import * as l10n from '@vscode/l10n';

/** Where a body stops parsing, as "line L, column C: why"; undefined when it parses or is empty. */
export function bodyProblem(text: string, language: 'json' | 'xml'): string | undefined {
  if (!text.trim()) {
    return undefined;
  }
  // Variables are expanded when the request is sent; check the text as it will be.
  // [^{}] rather than [^}], so a run of { is read once rather than from each of its characters.
  const probe = text.replace(/\{\{[^{}]*\}\}/g, (m) =>
    language === 'json' ? '0'.padEnd(m.length, ' ') : 'x'.repeat(m.length),
  );
  return language === 'json' ? jsonProblem(probe) : xmlProblem(probe);
}

function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = (err as Error).message;
    const position = /position (\d+)/.exec(message);
    // "Unexpected end of JSON input" names no position: the end is where it stopped.
    const offset = position
      ? Number(position[1])
      : /end of JSON input/.test(message)
        ? text.trimEnd().length
        : undefined;
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return offset === undefined ? reason : lineColumn(text, offset, reason);
  }
}

function xmlProblem(text: string): string | undefined {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (!error) {
    return undefined;
  }
  // Chromium puts the reason in a div inside the parsererror element, with the line and column.
  const reason = (error.querySelector('div')?.textContent ?? error.textContent ?? '').trim();
  return reason.replace(/^This page contains the following errors:/, '').trim() || l10n.t('The XML does not parse.');
}

function lineColumn(text: string, offset: number, reason: string): string {
  const before = text.slice(0, offset).split('\n');
  return l10n.t('line {0}, column {1}: {2}', before.length, before[before.length - 1].length + 1, reason);
}
