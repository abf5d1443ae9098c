import { count, numbers } from '../propertyTypes';
import { plotForm } from './plotForm';

export const PLOT_MIXTURE = plotForm({
  kind: 'mixture',
  positionals: true,
  doc: "loss vs each domain's weight, the others rescaled from the best mixture (plot mixture DATA params=N tokens=D)",
  syntax: 'plot mixture DATA[, DATA…] params=N tokens=D [importance=W,…]',
  example: 'plot mixture sweep params=7B tokens=150B',
  properties: {
    params: count('parameters of the planned run', 'a count like 7B'),
    tokens: count('training tokens of the planned run', 'a count like 150B'),
    importance: numbers('how much each target counts (several data sets)', 'numbers like 3,1'),
  },
});
