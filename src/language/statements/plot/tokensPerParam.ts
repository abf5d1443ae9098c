import { DEFAULT_COMPUTE_RANGE } from '../../evaluator/defaultRanges';
import { MODELS_PROPERTY, lawsProperty, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_TOKENS_PER_PARAM = plotForm({
  kind: 'tokens-per-param',
  doc: 'optimal tokens per parameter vs compute, models as points, the 20:1 rule',
  syntax: 'plot tokens-per-param [compute=FROM..TO] [models=…] [laws=…]',
  example: 'plot tokens-per-param models=llama-3-8b',
  properties: {
    compute: range('the compute range', 'a range like 1e18..1e26', DEFAULT_COMPUTE_RANGE),
    models: MODELS_PROPERTY,
    laws: lawsProperty('laws to draw (default: the active law)'),
  },
});
