import { count, lawsProperty, plainNumber, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_INFERENCE_COST = plotForm({
  kind: 'inference-cost',
  positionals: true,
  doc: 'training + inference FLOPs (or cost) vs parameters at a fixed loss, inference-aware and Chinchilla-optimal models marked',
  syntax: 'plot inference-cost BUDGET|loss=L|compute=C serve=TOKENS [params=FROM..TO] [laws=NAME]',
  example: 'plot inference-cost loss=1.95 serve=2T',
  properties: {
    loss: plainNumber('the target loss', 'a number like 1.95'),
    compute: count('a budget whose compute-optimal loss is the target', 'a number like 1e24'),
    serve: count('tokens the model will serve', 'a count like 2T'),
    params: range('the model sizes swept', 'a range like 1e9..1e12'),
    laws: lawsProperty('the law to draw (default: the active law)'),
  },
});
