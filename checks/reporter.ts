import { mkdirSync, writeFileSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { renderChecksFile, type ChecksFileDoc } from '../lib/checks-contract/index.ts';
import { secretValues } from '../lib/config/index.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { checksSettings, type ChecksSettings } from './env.ts';
import { applyCleanup, cleanMessage, completeResults, toCheckResult, type TestOutcome } from './report/results.ts';
import { scrubFile, scrubTree } from './support/scrub.ts';
import { readJson, readToken } from './support/session.ts';

/**
 * Writes `<outDir>/checks.json` ({startedAt, finishedAt, browser, results}) for the gate, and scrubs
 * secrets from everything the run wrote. A class because Playwright's reporter API takes one.
 * Listed last in playwright.config: its onEnd runs after the HTML and JUnit reporters wrote their files.
 */
export default class ChecksReporter implements Reporter {
  private settings: ChecksSettings | undefined;
  private suite: Suite | undefined;
  private startedAt = new Date();
  private browser = 'not resolved';
  private readonly secrets = new Set<string>();

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    this.suite = suite;
    this.settings = checksSettings();
    for (const s of secretValues(this.settings.config)) this.secrets.add(s);
    const browser = this.settings.browser;
    this.browser = 'error' in browser ? `none: ${browser.error}` : browser.describe;
    if (this.projectsRun().includes('browser')) process.stdout.write(`checks: browser: ${this.browser}\n`);
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (!this.settings) return;
    // The token exists from the setup on; global teardown deletes it before onEnd, so read it now.
    const token = readToken(this.settings.paths.token);
    if (token) this.secrets.add(token);
    // Scrub traces now: the HTML reporter copies them in its onEnd.
    for (const a of result.attachments) if (a.path) safeScrub(a.path, [...this.secrets]);
  }

  onEnd(result: FullResult): void {
    if (!this.settings || !this.suite) return;
    const { paths } = this.settings;
    const tests = this.suite.allTests();
    const setupFailure = this.setupFailure(tests);
    const results: CheckResult[] = [];
    for (const t of tests) {
      const r = toCheckResult(outcomeOf(t), setupFailure);
      if (r) results.push(r);
    }
    const cleanup = readJson(paths.cleanup) as { problems?: string[]; deleted?: string[] } | undefined;
    const final = applyCleanup(completeResults(results, this.projectsRun()), cleanup?.problems ?? []);
    mkdirSync(paths.outDir, { recursive: true });
    const report: ChecksFileDoc = {
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      browser: this.browser,
      mode: this.settings.config.mode,
      runStatus: result.status,
      cleanup: cleanup ? { deleted: cleanup.deleted ?? [], problems: cleanup.problems ?? [] } : { deleted: [], problems: ['global teardown left no cleanup record'] },
      results: final,
    };
    writeFileSync(paths.checksJson, renderChecksFile(report));
    scrubTree(paths.outDir, [...this.secrets]);
  }

  private projectsRun(): string[] {
    return (this.suite?.suites ?? []).map((s) => s.title);
  }

  /** "setup (API login): <error>" when the setup test failed or never finished. */
  private setupFailure(tests: TestCase[]): string | undefined {
    const setup = tests.find((t) => t.parent.project()?.name === 'setup');
    const last = setup?.results.at(-1);
    if (!setup || last?.status === 'passed') return undefined;
    const why = last?.error?.message ? cleanMessage(last.error.message) : (last?.status ?? 'did not run');
    return `setup (API login): ${why}`;
  }
}

function outcomeOf(t: TestCase): TestOutcome {
  const last = t.results.at(-1);
  return {
    title: t.title,
    project: t.parent.project()?.name ?? '',
    status: last?.status,
    annotations: last ? last.annotations : t.annotations,
    error: last?.error?.message ?? last?.errors[0]?.message,
    durationMs: last?.duration,
  };
}

function safeScrub(path: string, secrets: string[]): void {
  try {
    scrubFile(path, secrets);
  } catch {
    // a missing attachment is the HTML reporter's to report; onEnd scrubs the whole tree again
  }
}
