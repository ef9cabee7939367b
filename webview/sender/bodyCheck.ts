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
    const where = offset === undefined ? '' : lineColumn(text, offset);
    return `${where}${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`;
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
  return reason.replace(/^This page contains the following errors:/, '').trim() || 'The XML does not parse.';
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}: `;
}
