export { loadConfig, redactConfig, secretValues, type Config } from './load.ts';
export { FIELDS, MODES, configSchema, thresholdEnvNames, type FieldName, type Mode } from './schema.ts';
export { LIMITS, RULES, parseBounded, plannedRequestsProblem } from './bounds.ts';
export { JUNIT_STYLES, loadReportOptions, REPORT_FIELDS, reportSecrets, type JUnitStyle, type ReportFieldName, type ReportOptions } from './report.ts';
