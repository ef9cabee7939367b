/** The host:port of a URL for messages, or the text itself when it is no URL. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}
