import { lawsProperty, numbers } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_ISOFLOP = plotForm({
  kind: 'isoflop',
  doc: 'loss vs parameters at fixed compute budgets, minima marked',
  syntax: 'plot isoflop [compute=C,C,…] [laws=NAME]',
  example: 'plot isoflop compute=1e19,1e21,1e23',
  properties: {
    compute: numbers('the compute budgets, one curve each (default 1e19,1e20,1e21,1e22)', 'a list like 1e19,1e21'),
    laws: lawsProperty('the law to draw (default: the active law)'),
  },
});
