// Merges configuration layers. Precedence, highest first: CLI flags > `--config FILE` or the nearest
// `.shipshape.yaml` > editor settings (`shipshape.rules`) > rule defaults. See docs/configuration.md for why.
import type { LintConfig, RuleSetting } from '../core/config';

/** Layers from lowest to highest precedence; later layers win per rule and per setting. */
export function mergeConfigs(...layers: (LintConfig | undefined)[]): LintConfig {
  const out: LintConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) {
      const rules: Record<string, RuleSetting> = { ...out.rules };
      for (const [id, setting] of Object.entries(layer.rules)) rules[id] = mergeRule(rules[id], setting);
      out.rules = rules;
    }
    if (layer.trustedRegistries) out.trustedRegistries = [...layer.trustedRegistries];
    if (layer.signatures) out.signatures = layer.signatures;
    if (layer.maxFileBytes !== undefined) out.maxFileBytes = layer.maxFileBytes;
    if (layer.suppressions) out.suppressions = { ...out.suppressions, ...layer.suppressions };
    if (layer.context) out.context = { ...out.context, ...layer.context };
    if (layer.helm) out.helm = { ...out.helm, ...layer.helm };
  }
  return out;
}

/** A bare severity keeps the lower layer's options; an object merges options key by key. */
function mergeRule(lower: RuleSetting | undefined, higher: RuleSetting): RuleSetting {
  const lo = typeof lower === 'object' ? lower : lower !== undefined ? { severity: lower } : {};
  const hi = typeof higher === 'object' ? higher : { severity: higher };
  const options = lo.options || hi.options ? { ...lo.options, ...hi.options } : undefined;
  const severity = hi.severity ?? lo.severity;
  if (!options) return severity ?? {};
  return { ...(severity ? { severity } : {}), options };
}
