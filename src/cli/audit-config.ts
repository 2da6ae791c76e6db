import { readFileSync } from 'node:fs';
import { formatConfigErrors } from '../config/errors.ts';

/**
 * `gatehouse audit --config FILE [--fail-on SEVERITY] [--format text|json]`: validates the config like
 * `validate`, then reports insecure settings mapped to the OWASP API Security Top 10. Exit code 1 when a
 * finding is at or above `--fail-on` (default `high`) or the config is invalid, 0 otherwise, 2 on usage
 * errors — so it can gate CI.
 *
 * @example
 * const { code, stdout } = await auditConfigCommand({ config: 'gatehouse.yaml', 'fail-on': 'medium' }, process.env);
 */
export async function auditConfigCommand(
  flags: Record<string, string>,
  env: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { SEVERITIES, auditConfig, formatFindings, severityRank } = await import('../config/audit.ts');
  const file = flags.config;
  if (!file) return { code: 2, stdout: '', stderr: 'gatehouse audit: --config FILE is required\n' };
  const failOn = (flags['fail-on'] ?? 'high') as (typeof SEVERITIES)[number];
  if (!SEVERITIES.includes(failOn)) {
    return {
      code: 2,
      stdout: '',
      stderr: `gatehouse audit: --fail-on must be one of ${SEVERITIES.join(', ')}\n`,
    };
  }
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    return { code: 2, stdout: '', stderr: 'gatehouse audit: --format must be text or json\n' };
  }
  const { checkConfig } = await import('../runtime/gateway.ts');
  const checked = checkConfig(file, undefined, env);
  if (!checked.ok) return { code: 1, stdout: '', stderr: `${formatConfigErrors(checked.errors)}\n` };
  const findings = auditConfig(checked.value.config, readFileSync(file, 'utf8'));
  const failing = findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  const stdout =
    format === 'json'
      ? `${JSON.stringify({ file, fail_on: failOn, failed: failing, findings }, null, 2)}\n`
      : `${formatFindings(file, findings)}\n`;
  return { code: failing ? 1 : 0, stdout, stderr: '' };
}
