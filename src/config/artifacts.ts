import { builtinPolicies } from '../policies/index.ts';
import { renderSchemaDocs } from './docs.ts';
import { configSchema } from './index.ts';

/**
 * Files generated from the schema source: the JSON Schema for editors and the configuration
 * reference. Keyed by path relative to the repository root.
 */
export function generatedArtifacts(): Record<string, string> {
  const schema = configSchema(builtinPolicies);
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  const policyList = builtinPolicies
    .map(
      (p) =>
        `| \`${p.name}\` | ${p.order} | ${p.phases.join(', ')} | ${p.status} | ${p.posture} | ${p.supportsMode ? 'yes' : 'no'} | ${p.description.replaceAll('|', '\\|')} |`,
    )
    .join('\n');
  const docs =
    renderSchemaDocs(schema, { title: 'Gatehouse configuration reference' }) +
    `\n## Built-in policies\n\nGenerated from each policy's definition. Higher order runs first.\n\n| policy | order | phases | status | posture | report-only | description |\n|---|---|---|---|---|---|---|\n${policyList}\n`;
  return {
    'schema/gatehouse.schema.json': json,
    'docs/reference/configuration.md': docs,
  };
}
