import { numbers } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_ALLOCATION = plotForm({
  kind: 'allocation',
  positionals: true,
  doc: 'N_opt and D_opt vs compute for an allocation fitted by approach=isoflop or envelope (plot allocation DATA), dashed beyond the data to the budgets, with its band',
  syntax: 'plot allocation DATA [compute=C,…]',
  example: 'plot allocation sweep',
  properties: {
    compute: numbers('budgets to extrapolate to (default: the budgets declared above)', 'numbers like 1e24,1e25'),
  },
});
