/** How the Rules lists are filtered by display name. */
export interface RuleFilter {
  readonly text: string;
  /** `exact` asks OCI for that name on every page; `contains` narrows the rules already loaded. */
  readonly mode: 'exact' | 'contains';
}

export interface RuleFilterChoice {
  readonly label: string;
  readonly detail: string;
  /** What choosing it sets; undefined clears the filter. */
  readonly filter: RuleFilter | undefined;
}

/**
 * The items of Filter Rules… for the text typed so far. Each is shown whatever the text, so
 * typing never leaves the picker empty: with no text, a hint (Enter then shows every rule);
 * with text, both ways to match it, and Clear while a filter is on.
 */
export function ruleFilterChoices(typed: string, current: RuleFilter | undefined): RuleFilterChoice[] {
  const text = typed.trim();
  if (!text) {
    return [
      {
        label: 'Type part of a rule’s name',
        detail: 'The rules already loaded narrow as you type; Enter with no text shows every rule.',
        filter: undefined,
      },
    ];
  }
  return [
    {
      label: `Name contains "${text}"`,
      detail: 'Narrows the rules already loaded, as you type.',
      filter: { text, mode: 'contains' },
    },
    {
      label: `Name is exactly "${text}"`,
      detail: 'Asks OCI for rules of that name, on every page.',
      filter: { text, mode: 'exact' },
    },
    ...(current
      ? [
          {
            label: 'Clear the filter',
            detail: `Shows every rule again (now: ${describeRuleFilter(current)}).`,
            filter: undefined,
          },
        ]
      : []),
  ];
}

/** The filter as the view's description says it. */
export function describeRuleFilter(filter: RuleFilter): string {
  return filter.mode === 'exact' ? `rules named "${filter.text}"` : `rules containing "${filter.text}"`;
}
