// What other features use of the condition languages: the event catalogue and the rule language's id.
export type { ConditionCatalogue } from './conditionCatalogue';
export { RULE_LANGUAGE } from './conditionAnalyses';
