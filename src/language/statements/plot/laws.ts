import { DEFAULT_COMPUTE_RANGE } from '../../evaluator/defaultRanges';
import { lawsProperty, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_LAWS = plotForm({
  kind: 'laws',
  doc: "several laws' frontiers on one chart",
  syntax: 'plot laws [compute=FROM..TO] [laws=…]',
  example: 'plot laws compute=1e20..1e26',
  properties: {
    compute: range('the compute range', 'a range like 1e18..1e26', DEFAULT_COMPUTE_RANGE),
    laws: lawsProperty('laws to draw (default: the active law and every preset)'),
  },
});
