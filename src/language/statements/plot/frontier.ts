import { DEFAULT_COMPUTE_RANGE } from '../../evaluator/defaultRanges';
import { MODELS_PROPERTY, lawsProperty, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_FRONTIER = plotForm({
  kind: 'frontier',
  doc: 'predicted loss vs compute along the compute-optimal line, models as points',
  syntax: 'plot frontier [compute=FROM..TO] [models=…] [laws=…]',
  example: 'plot frontier compute=1e18..1e26 models=gopher,chinchilla',
  properties: {
    compute: range('the compute range', 'a range like 1e18..1e26', DEFAULT_COMPUTE_RANGE),
    models: MODELS_PROPERTY,
    laws: lawsProperty('laws to draw (default: the active law)'),
  },
});
