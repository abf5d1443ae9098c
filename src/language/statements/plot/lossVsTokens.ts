import { DEFAULT_TOKENS_RANGE } from '../../evaluator/defaultRanges';
import { count, lawsProperty, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_LOSS_VS_TOKENS = plotForm({
  kind: 'loss-vs-tokens',
  doc: 'loss vs training tokens at a fixed model size (the parameter wall, E + A/N^α)',
  syntax: 'plot loss-vs-tokens params=N [tokens=FROM..TO] [laws=…]',
  example: 'plot loss-vs-tokens params=70B',
  properties: {
    params: count('the fixed model size', 'a count like 70B'),
    tokens: range('the training tokens swept', 'a range like 1e9..1e14', DEFAULT_TOKENS_RANGE),
    laws: lawsProperty('laws to draw (default: the active law)'),
  },
});
