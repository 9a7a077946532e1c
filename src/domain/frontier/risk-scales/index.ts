import { validateRiskScale, type RiskScaleMapping } from '../risk-scale';
import anthropicRsp from './anthropic-rsp.json' with { type: 'json' };
import googleDeepmindFsf from './google-deepmind-fsf.json' with { type: 'json' };
import openaiPreparedness from './openai-preparedness.json' with { type: 'json' };

function checked(doc: unknown): RiskScaleMapping {
  const parsed = validateRiskScale(doc);
  if (!parsed.ok) throw new Error(`a shipped risk-scale mapping is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.mapping;
}

/**
 * The framework mappings AISC ships (issue 12 "One risk scale"): data, checked at load by the
 * same validator a test runs over bad documents. Another framework is another file here.
 */
export const BUILT_IN_RISK_SCALES: readonly RiskScaleMapping[] = [anthropicRsp, openaiPreparedness, googleDeepmindFsf].map(checked);
export const RISK_SCALE_IDS: readonly string[] = BUILT_IN_RISK_SCALES.map((m) => m.id);

/** The shipped mapping with this id, or undefined. */
export const riskScale = (id: string): RiskScaleMapping | undefined => BUILT_IN_RISK_SCALES.find((m) => m.id === id);
