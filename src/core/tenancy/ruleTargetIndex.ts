import type { RuleInfo } from './resourceNodes';

interface ProfileRules {
  readonly rules: Map<string, { readonly rule: RuleInfo; readonly targets: readonly string[] }>;
  /** Every rule of the tenancy has been read, so an absent rule sends nowhere near this topic. */
  complete: boolean;
}

/**
 * Which rules send to which target, per profile, as far as the rules' actions have been read.
 * A rule's actions come only with its details (the list call leaves them out), so the index
 * fills as rules are expanded, and all at once after "Load All Rules".
 */
export class RuleTargetIndex {
  private readonly profiles = new Map<string, ProfileRules>();

  record(profile: string, rule: RuleInfo, targets: readonly string[]): void {
    this.of(profile).rules.set(rule.id, { rule, targets });
  }

  has(profile: string, ruleId: string): boolean {
    return this.profiles.get(profile)?.rules.has(ruleId) ?? false;
  }

  /** Replaces what is known of a profile with every rule of its tenancy. */
  replaceAll(profile: string, rules: readonly { rule: RuleInfo; targets: readonly string[] }[]): void {
    this.profiles.set(profile, { rules: new Map(rules.map((r) => [r.rule.id, r])), complete: true });
  }

  targeting(profile: string, targetId: string): { rules: RuleInfo[]; complete: boolean } {
    const known = this.profiles.get(profile);
    const rules = [...(known?.rules.values() ?? [])]
      .filter((r) => r.targets.includes(targetId))
      .map((r) => r.rule)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return { rules, complete: known?.complete ?? false };
  }

  /** Forgets some rules: the profile is no longer known complete. */
  forget(profile: string, ruleIds: readonly string[]): void {
    const known = this.profiles.get(profile);
    if (known) {
      ruleIds.forEach((id) => known.rules.delete(id));
      known.complete = false;
    }
  }

  forgetProfile(profile: string): void {
    this.profiles.delete(profile);
  }

  clear(): void {
    this.profiles.clear();
  }

  private of(profile: string): ProfileRules {
    let known = this.profiles.get(profile);
    if (!known) {
      known = { rules: new Map(), complete: false };
      this.profiles.set(profile, known);
    }
    return known;
  }
}
