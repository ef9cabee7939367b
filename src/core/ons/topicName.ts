/**
 * Why ONS would refuse a new topic's name, or undefined. ons.md knows only that a name is
 * required and unique across the tenancy, case-sensitively; the allowed characters and length
 * were not found, so they are left to the service, whose 400 is shown as it is.
 */
export function checkTopicName(name: string, knownNames: Iterable<string> = []): string | undefined {
  if (!name.trim()) {
    return 'A topic needs a name.';
  }
  for (const known of knownNames) {
    if (known === name) {
      return `A topic named ${name} already exists: topic names are unique across the tenancy.`;
    }
  }
  return undefined;
}
