// What Test Against Emulator uses of rule documents: their URIs.
export { parseRuleUri, RULE_SCHEME } from './ruleUri';
