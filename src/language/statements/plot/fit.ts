import { plotForm } from './plotForm';

export const PLOT_FIT = plotForm({
  kind: 'fit',
  positionals: true,
  doc: 'your runs against the law fitted to them (plot fit DATA), predictions with their intervals',
  syntax: 'plot fit DATA',
  example: 'plot fit ladder',
  properties: {},
});
