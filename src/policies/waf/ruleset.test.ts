/**
 * The directives the `waf` policy builds around the user's rules (ruleset.ts): the API profile's prose exemptions
 * are load-time target exclusions (no per-request rule), and user exclusions that name an argument exactly keep
 * covering it under its prose name.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseSecLang } from '../../waf/parser/index.ts';
import { apiProfileRules, FILTER_QUERY_NAME_REGEX, PROFILE_RULES } from '../../waf/profile/rules.ts';
import { PROSE_FAMILY_RULES } from '../../waf/profile/view.ts';
import { applyDefaults, fakeDeps, fakeRequestContext, instantiate, runRequest } from '../testing.ts';
import { policy } from './policy.ts';
import { exclusionTargets, wafDirectives } from './ruleset.ts';
import type { WafConfig } from './schema.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');
const rules = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };
const config = (extra: Record<string, unknown> = {}): WafConfig =>
  applyDefaults(policy, { rules: { setup: '', include: [] }, ...extra }) as WafConfig;
const updates = (c: WafConfig): [string, string][] =>
  wafDirectives(c)
    .filter((d) => d.name === 'SecRuleUpdateTargetById')
    .map((d) => [d.args[0] as string, d.args[1] as string]);

describe('waf ruleset: prose exemptions at load time', () => {
  test('one SecRuleUpdateTargetById per exempted rule, after the rules; none in the crs profile', () => {
    const api = updates(config());
    const family = (f: string, ids: readonly number[]): [string, string][] =>
      ids.map((id) => [String(id), `!ARGS:/^gatehouse[.]prose[.][a-z]*${f}[a-z]*:/`]);
    assert.deepEqual(api, [
      ['942190', '!ARGS:/^json[.]/|!ARGS:/^gatehouse[.]prose[.][a-z]*:json/'],
      ['930120', '!ARGS_NAMES:/^(?:gatehouse[.]prose[.][a-z]*:)?json(?:[.][A-Za-z0-9_-]+)+$/'],
      ['942290', `!ARGS_NAMES:/${FILTER_QUERY_NAME_REGEX}/`],
      ['921110', '!ARGS:/[.]decoded-base64$/'],
      ['921130', '!ARGS:/[.]decoded-base64$/'],
      ...family('c', PROSE_FAMILY_RULES.c),
      ...family('h', PROSE_FAMILY_RULES.h),
      ...family('n', PROSE_FAMILY_RULES.n),
      ...family('o', PROSE_FAMILY_RULES.o),
      ...family('r', PROSE_FAMILY_RULES.r),
      ...family('w', PROSE_FAMILY_RULES.w),
      ['930120', '!ARGS:/^gatehouse[.]prose[.][a-z]*l[a-z]*:/'],
      ...family('m', PROSE_FAMILY_RULES.m),
      ['932120', '!ARGS:/^gatehouse[.]prose[.][a-z]*p[a-z]*:/'],
      ['942100', '!ARGS:/^gatehouse[.]prose[.][a-z]*q[a-z]*:/'],
      ['942190', '!ARGS:/^gatehouse[.]prose[.][a-z]*q[a-z]*:/'],
      ['942230', '!ARGS:/^gatehouse[.]prose[.][a-z]*q[a-z]*:/'],
      ['942360', '!ARGS:/^gatehouse[.]prose[.][a-z]*q[a-z]*:/'],
      ['942550', '!ARGS:/^gatehouse[.]prose[.][a-z]*q[a-z]*:/'],
      ...family('e', PROSE_FAMILY_RULES.e),
      ['942350', '!ARGS:/^gatehouse[.]prose[.][a-z]*s[a-z]*:/'],
      ['941390', '!ARGS:/^gatehouse[.]prose[.][a-z]*x[a-z]*:/'],
      ...family('f', PROSE_FAMILY_RULES.f),
      ...family('u', PROSE_FAMILY_RULES.u),
      ...family('t', PROSE_FAMILY_RULES.t),
      ...family('g', PROSE_FAMILY_RULES.g),
      ...family('y', PROSE_FAMILY_RULES.y),
      ...family('v', PROSE_FAMILY_RULES.v),
      ...family('i', PROSE_FAMILY_RULES.i),
      ...[944100, 944110, 944120, 944130, 944140, 90101, 90102, 90113, 90126, 90136, 90137, 90139].map(
        (id): [string, string] => [
          String(id),
          '!ARGS:/^gatehouse[.]prose[.][a-z]*k[a-z]*:/|!ARGS_POST:/^gatehouse[.]prose[.][a-z]*k[a-z]*:/',
        ],
      ),
    ]);
    assert.ok(PROSE_FAMILY_RULES.c.includes(932235));
    const families = Object.entries(PROSE_FAMILY_RULES).flatMap(([, ids]) => ids.map(String));
    for (const id of families)
      assert.ok(
        api.some(([r]) => r === id),
        id,
      );
    assert.deepEqual(updates(config({ profile: 'crs' })), []);
    // After the included rules (a target update only affects rules loaded before it).
    const all = wafDirectives(applyDefaults(policy, { rules }) as WafConfig);
    const crs930 = all.findIndex((d) => d.name === 'SecRule' && d.args.at(-1)?.includes('id:930120'));
    const update = all.findIndex((d) => d.name === 'SecRuleUpdateTargetById' && d.args[0] === '930120');
    assert.ok(crs930 !== -1 && update > crs930, `${crs930} < ${update}`);
  });

  test('no per-request exemption rule is left in the profile (no ctl:ruleRemoveTarget*, no 90020–90023)', () => {
    const text = apiProfileRules('gatehouse.decode-limit');
    assert.doesNotMatch(text, /ruleRemoveTarget/);
    const ids = parseSecLang(text, 'profile')
      .map((d) => /id:(\d+)/.exec(d.args.at(-1) ?? '')?.[1])
      .filter((x) => x !== undefined)
      .map(Number);
    for (const id of [90020, 90021, 90022, 90023]) assert.ok(!ids.includes(id), String(id));
    assert.ok(ids.includes(PROFILE_RULES.reservedName) && ids.includes(PROFILE_RULES.reservedNameBody));
  });
});

describe('waf ruleset: exclusions cover the prose names', () => {
  test('exclusionTargets: exact argument names get their prose form; regexes and other collections do not', () => {
    assert.equal(
      exclusionTargets('ARGS:json.note', true),
      '!ARGS:json.note|!ARGS:/^gatehouse[.]prose[.][a-z]*:json\\.note$/',
    );
    assert.equal(
      exclusionTargets("ARGS_GET:'a/b|c'", true),
      "!ARGS_GET:'a/b|c'|!ARGS_GET:/^gatehouse[.]prose[.][a-z]*:a\\/b\\|c$/",
    );
    assert.equal(
      exclusionTargets('args_post_names:json.x', true),
      '!args_post_names:json.x|!args_post_names:/^gatehouse[.]prose[.][a-z]*:json\\.x$/',
    );
    assert.equal(exclusionTargets('ARGS:json.note', false), '!ARGS:json.note');
    assert.equal(exclusionTargets('ARGS:/^json[.]note$/', true), '!ARGS:/^json[.]note$/');
    assert.equal(exclusionTargets('REQUEST_COOKIES:json.note', true), '!REQUEST_COOKIES:json.note');
    // The translated list parses back into the two exclusions.
    const d = wafDirectives(
      config({ exclusions: [{ rule_ids: [932235], targets: ['ARGS:json.message', 'ARGS:q'] }] }),
    ).at(-1);
    assert.equal(d?.name, 'SecRuleUpdateTargetById');
    assert.equal(
      d?.args[1],
      '!ARGS:json.message|!ARGS:/^gatehouse[.]prose[.][a-z]*:json\\.message$/|!ARGS:q|!ARGS:/^gatehouse[.]prose[.][a-z]*:q$/',
    );
  });

  const ua = { 'user-agent': 'curl/8.5.0', accept: 'application/json' };
  async function run(cfg: unknown, init: Parameters<typeof fakeRequestContext>[0]) {
    const deps = fakeDeps('waf@route:test');
    const { error } = await runRequest(instantiate(policy, cfg, deps), fakeRequestContext(init));
    const ev = deps.events.find((e) => e.type === 'waf_block');
    return { error, vars: ((ev?.fields.matches ?? []) as { variable: string }[]).map((m) => m.variable) };
  }

  test('an exclusion naming ARGS:json.x still matches the value when it is renamed to the prose form', async () => {
    // A probe in a code span is not waived (family `c` of the profile's view), so CRS blocks this prose.
    const message = 'Thanks, I tried `whoami` on the runner and it prints nothing in our office network.';
    const body = JSON.stringify({ message });
    const init = {
      method: 'POST',
      path: '/api/support/tickets',
      headers: {
        ...ua,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      body: Buffer.from(body),
    };
    const blocked = await run({ rules }, init);
    assert.equal(blocked.error?.reason, 'waf:rce');
    assert.ok(blocked.vars.includes('ARGS:gatehouse.prose.lp:json.message'), JSON.stringify(blocked.vars));
    const ids = [932235, 932260, 932380];
    const excluded = await run(
      { rules, exclusions: [{ rule_ids: ids, targets: ['ARGS:json.message'] }] },
      init,
    );
    assert.equal(excluded.error, undefined);
    // Another field's exclusion does not cover it.
    const other = await run({ rules, exclusions: [{ rule_ids: ids, targets: ['ARGS:json.subject'] }] }, init);
    assert.equal(other.error?.reason, 'waf:rce');
  });

  test('an exclusion naming a query parameter still matches it when it is renamed to the prose form', async () => {
    const init = { path: '/api/search', query: 'q=hello+there%3B+cat+/etc/passwd', headers: ua };
    const blocked = await run({ rules }, init);
    // Session 9: after a separator an OS file name is a command's argument (no family l): 930120 fires too.
    assert.ok(['waf:rce', 'waf:lfi'].includes(blocked.error?.reason ?? ''), blocked.error?.reason);
    assert.ok(blocked.vars.includes('ARGS:gatehouse.prose.s:q'), JSON.stringify(blocked.vars));
    const ex = await run({ rules, exclusions: [{ rule_ids: [932160, 930120], targets: ['ARGS:q'] }] }, init);
    assert.equal(ex.error, undefined, JSON.stringify(ex.vars));
    const other = await run(
      { rules, exclusions: [{ rule_ids: [932160, 930120], targets: ['ARGS:page'] }] },
      init,
    );
    assert.ok(['waf:rce', 'waf:lfi'].includes(other.error?.reason ?? ''), other.error?.reason);
  });
});
