import { count, lawsProperty, range } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_EPOCHS = plotForm({
  kind: 'epochs',
  positionals: true,
  doc: 'loss vs epochs over capped unique data at a fixed budget or model size, beside fresh data: where repeating stops paying',
  syntax: 'plot epochs BUDGET|compute=C|params=N unique=U [epochs=FROM..TO] [laws=NAME]',
  example: 'plot epochs compute=1e24 unique=500B',
  properties: {
    unique: count('unique tokens available', 'a count like 500B'),
    compute: count('the fixed compute budget', 'a number like 1e24'),
    params: count('the fixed model size', 'a count like 70B'),
    epochs: range('the epoch range swept', 'a range like 1..100'),
    laws: lawsProperty('the law to draw (default: the active law)'),
  },
});
