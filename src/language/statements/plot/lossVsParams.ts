import { DEFAULT_PARAMS_RANGE } from '../../evaluator/defaultRanges';
import { count, lawsProperty, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_LOSS_VS_PARAMS = plotForm({
  kind: 'loss-vs-params',
  doc: 'loss vs parameters at fixed training tokens (the data wall, E + B/D^β)',
  syntax: 'plot loss-vs-params tokens=D [params=FROM..TO] [laws=…]',
  example: 'plot loss-vs-params tokens=300B',
  properties: {
    tokens: count('the fixed training tokens', 'a count like 300B'),
    params: range('the model sizes swept', 'a range like 1e8..1e13', DEFAULT_PARAMS_RANGE),
    laws: lawsProperty('laws to draw (default: the active law)'),
  },
});
