/**
 * A URL's `user:pass@` taken out: the URL without them, and the user and password decoded (a
 * malformed escape such as `%zz` is kept as written). Text that is not a URL is returned whole.
 */
export function splitUrlCredentials(text: string): { url: string; username: string; password: string } {
  if (!URL.canParse(text)) {
    return { url: text, username: '', password: '' };
  }
  const url = new URL(text);
  if (!url.username && !url.password) {
    return { url: text, username: '', password: '' };
  }
  const username = decoded(url.username);
  const password = decoded(url.password);
  url.username = '';
  url.password = '';
  return { url: url.toString(), username, password };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
