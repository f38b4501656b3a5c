# The gate as an image, for Argo Rollouts AnalysisTemplate Jobs (deploy/argo/) or any CI that runs
# containers. Build: docker build -t ghcr.io/<org>/jumpstart-gate:<tag> .
#
# Playwright's own image of exactly the @playwright/test version in package-lock.json: Node and the
# Chromium build this Playwright drives are preinstalled (test/unit/app/deploy-files.test.ts keeps the
# tag in step with the lock file).
FROM mcr.microsoft.com/playwright:v1.65.1-noble

# tini as PID 1: it forwards SIGTERM/SIGINT to the gate (a Job's deadline, a rollout abort) so the gate
# can cancel cleanly — delete its synthetic project, write its inconclusive verdict — and it reaps the
# browser processes Playwright leaves behind.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/jumpstart-gate
ENV NODE_ENV=production \
    PLAYWRIGHT_BROWSERS_PATH=/ms-playwright \
    CJ_OUT_DIR=/reports

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
RUN mkdir -p /reports && chown pwuser:pwuser /reports

USER pwuser
# The bin directly, never through npm or npx: they do not pass SIGTERM on to the gate (README, "CI").
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/opt/jumpstart-gate/bin/jumpstart-gate.js"]
CMD ["--help"]
