import { issue } from '../issue.js';
import { policyName, type PolicyRuleCheck } from '../rule-context.js';
import { located } from '../walk.js';

/**
 * DW6019: the final image sets every label the policy requires (in its own stages: labels of
 * the base image cannot be seen here).
 *
 * @example
 * ```ts
 * checkRequiredLabels(context); // [{ code: 'DW6019', message: 'the image has no label org.opencontainers.image.source', ... }]
 * ```
 */
export const checkRequiredLabels: PolicyRuleCheck = ({ final, imageStages, policy }) => {
  const set = new Set(imageStages.flatMap((s) => s.instructions.flatMap((i) => (i.kind === 'Label' ? i.pairs.map((p) => p.key) : []))));
  return policy.requiredLabels
    .filter((key) => !set.has(key))
    .map((key) => {
      const oci = /^org\.opencontainers\.image\.(.+)$/.exec(key)?.[1];
      const how = oci === undefined ? '' : `, or .label(oci({ ${oci.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}: '...' }))`;
      return issue('DW6019', `the image has no label ${key}, which ${policyName(policy)} requires`, `add it to the final stage "${final.name}": .label({ '${key}': '...' })${how}`, { stage: final.name });
    });
};

/**
 * DW6020: the final image says how to check its health: a HEALTHCHECK in its stages, or
 * `healthcheck('none')` to say on purpose that there is none (a job, a tool). As `lint()` judges
 * written Dockerfiles.
 *
 * @example
 * ```ts
 * checkHealthcheck(context); // [{ code: 'DW6020', message: 'the final stage "app" has no HEALTHCHECK (it EXPOSEs 8080)', ... }]
 * ```
 */
export const checkHealthcheck: PolicyRuleCheck = ({ final, imageStages }) => {
  const all = imageStages.flatMap((s) => located(s));
  if (all.some(({ node }) => node.kind === 'Healthcheck')) return [];
  const ports = all.flatMap(({ node }) => (node.kind === 'Expose' ? node.ports.map((p) => (p.protocol === 'tcp' ? String(p.port) : `${p.port}/${p.protocol}`)) : []));
  const served = ports.length === 0 ? '' : ` (it EXPOSEs ${ports.join(' ')})`;
  return [
    issue(
      'DW6020',
      `the final stage "${final.name}" has no HEALTHCHECK${served}`,
      `add an exec-form check the image can run, e.g. .healthcheck(['/app/healthcheck'], { interval: '30s' }), or .healthcheck('none') to say there is none`,
      { stage: final.name },
    ),
  ];
};
