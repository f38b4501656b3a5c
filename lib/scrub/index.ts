export { embeddedZipTexts, scrubBytes, scrubZip } from './bytes.ts';
export { scrubFile, scrubTree, sweepSecrets } from './files.ts';
export { containsSecret, scrubText, scrubValue } from './text.ts';
