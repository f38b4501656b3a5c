export { CHECKS_OUTPUTS, checksPaths, isInside, type ChecksPaths } from './paths.ts';
export { parseChecksFile, renderChecksFile, type ChecksFileDoc } from './checks-file.ts';
export { HANDOFF_ENV, readHandoff, writeHandoff, type BrowserHandoff, type ChecksConfig, type ChecksHandoff } from './handoff.ts';
export { readJson, readToken, writePrivate } from './private-file.ts';
export { readFlowRecord } from './flow-record.ts';
