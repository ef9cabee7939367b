/** Text made safe inside HTML, SVG or XML, in an element or in a quoted attribute: a user's name for a thing may hold any of & < > " '. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
