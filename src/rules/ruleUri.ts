import * as vscode from 'vscode';

/**
 * Rules opened from the Tenancy view, as documents:
 * `oci-rule:/<profile>/<ruleId>/<displayName>.rule.json`. The tab and the Problems view show
 * the file name, so a rule reads as its name; its OCID is the folder, which VS Code shows only
 * to tell two tabs of one name apart.
 */
export const RULE_SCHEME = 'oci-rule';

export function ruleUri(profile: string, ruleId: string, displayName: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${profile}/${ruleId}/${fileNameOf(displayName)}.rule.json` });
}

export function parseRuleUri(uri: vscode.Uri): { profile: string; ruleId: string } | undefined {
  const match = /^\/([^/]+)\/([^/]+)\/[^/]+\.rule\.json$/.exec(uri.path);
  return match ? { profile: match[1], ruleId: match[2] } : undefined;
}

/** A display name as one path segment: OCI allows characters a file name cannot hold. */
function fileNameOf(displayName: string): string {
  const safe = [...displayName].map((ch) => (ch < ' ' || '/\\:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return safe.trim() || 'rule';
}
