import * as vscode from 'vscode';

/** Rules opened from the Tenancy view, as documents: `oci-rule:/<profile>/<ruleId>.rule.json`. */
export const RULE_SCHEME = 'oci-rule';

export function ruleUri(profile: string, ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${profile}/${ruleId}.rule.json` });
}

export function parseRuleUri(uri: vscode.Uri): { profile: string; ruleId: string } | undefined {
  const match = /^\/([^/]+)\/([^/]+)\.rule\.json$/.exec(uri.path);
  return match ? { profile: match[1], ruleId: match[2] } : undefined;
}
