import type { DockwrightIssue } from '@dockwright/core';
import { issue } from '../issue.js';
import { policyName, type PolicyRuleCheck } from '../rule-context.js';
import { located } from '../walk.js';

/**
 * DW6101: the final image sets every label the policy requires (in its own stages: labels of
 * the base image cannot be seen here).
 *
 * @example
 * ```ts
 * checkRequiredLabels(context); // [{ code: 'DW6101', message: 'the image has no label org.opencontainers.image.source', ... }]
 * ```
 */
export const checkRequiredLabels: PolicyRuleCheck = ({ final, imageStages, policy }) => {
  const set = new Set(imageStages.flatMap((s) => s.instructions.flatMap((i) => (i.kind === 'Label' ? i.pairs.map((p) => p.key) : []))));
  return policy.requiredLabels
    .filter((key) => !set.has(key))
    .map((key) => {
      const oci = /^org\.opencontainers\.image\.(.+)$/.exec(key)?.[1];
      const how = oci === undefined ? '' : `, or .label(oci({ ${oci.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}: '...' }))`;
      return issue('DW6101', `the image has no label ${key}, which ${policyName(policy)} requires`, `add it to the final stage "${final.name}": .label({ '${key}': '...' })${how}`, { stage: final.name });
    });
};

/**
 * DW6102: a service image (its stages EXPOSE a port) has a HEALTHCHECK, and does not turn it off.
 *
 * @example
 * ```ts
 * checkHealthcheck(context); // [{ code: 'DW6102', message: 'the service image "app" (EXPOSE 8080) has no HEALTHCHECK', ... }]
 * ```
 */
export const checkHealthcheck: PolicyRuleCheck = ({ final, imageStages }) => {
  const all = imageStages.flatMap((s) => located(s));
  const ports = all.flatMap(({ node }) => (node.kind === 'Expose' ? node.ports.map((p) => (p.protocol === 'tcp' ? String(p.port) : `${p.port}/${p.protocol}`)) : []));
  if (ports.length === 0) return [];
  const last = all.filter(({ node }) => node.kind === 'Healthcheck').at(-1);
  const hint = `add an exec-form check the image can run to stage "${final.name}", e.g. .healthcheck(['/app/healthcheck'], { interval: '30s' })`;
  const found: DockwrightIssue[] = [];
  if (last === undefined) found.push(issue('DW6102', `the service image "${final.name}" (EXPOSE ${ports.join(' ')}) has no HEALTHCHECK`, hint, { stage: final.name }));
  else if (last.node.kind === 'Healthcheck' && last.node.argv === null) found.push(issue('DW6102', `the service image "${final.name}" (EXPOSE ${ports.join(' ')}) turns its HEALTHCHECK off`, hint, last.path));
  return found;
};
