import * as vscode from 'vscode';

/**
 * Rules opened from the Tenancy view, as documents:
 * `oci-rule:/<profile>/<compartment>/<displayName>.rule.json?<ruleId>`. The tab, the
 * breadcrumbs and the Problems view show the path, so a rule reads as its name and where it
 * lives; its OCID, which identifies it, is the query, which none of them shows.
 */
export const RULE_SCHEME = 'oci-rule';

export interface RuleDocumentName {
  readonly profile: string;
  readonly ruleId: string;
  readonly displayName: string;
  /** The compartment's name, where the tree knows it. */
  readonly compartment?: string;
}

export function ruleUri({ profile, ruleId, displayName, compartment }: RuleDocumentName): vscode.Uri {
  const folders = [profile, ...(compartment ? [compartment] : [])].map(segmentOf);
  return vscode.Uri.from({
    scheme: RULE_SCHEME,
    path: `/${folders.join('/')}/${segmentOf(displayName)}.rule.json`,
    query: ruleId,
  });
}

export function parseRuleUri(uri: vscode.Uri): { profile: string; ruleId: string } | undefined {
  const profile = /^\/([^/]+)\/(?:[^/]+\/)?[^/]+\.rule\.json$/.exec(uri.path)?.[1];
  return profile && uri.query ? { profile, ruleId: uri.query } : undefined;
}

/** A name as one path segment: OCI allows characters a file name cannot hold. */
function segmentOf(name: string): string {
  const safe = [...name].map((ch) => (ch < ' ' || '/\\:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return safe.trim() || 'rule';
}
