// The suite's one scrubber lives in lib/scrub; the checks use it as is (text, traces, the HTML report).
export { embeddedZipTexts as embeddedReportTexts, scrubFile, scrubText, scrubTree, scrubZip } from '../../lib/scrub/index.ts';
