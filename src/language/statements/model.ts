import { evaluateModel } from '../evaluator/declarations';
import type { StatementForm } from '../statementForm';
import { count, whole } from './propertyTypes';

export const MODEL: StatementForm = {
  keyword: 'model',
  role: 'declaration',
  name: 'declares',
  doc: 'Declares a model: total parameters, active parameters for mixture-of-experts, training tokens.',
  syntax: 'model NAME params=N tokens=D [active=N] [unique=U] [layers=… context=… width=…]',
  example: 'model chinchilla params=70B tokens=1.4T',
  properties: {
    params: count('total parameters (memory and serving)', 'a count like 70B'),
    active: count('parameters active per token (mixture-of-experts); compute uses these', 'a count like 37B'),
    tokens: count('training tokens', 'a count like 1.4T, or arithmetic like 20*params'),
    layers: whole("transformer layers, for Kaplan's attention FLOPs", 'a whole number like 80', 1),
    context: whole("context length in tokens, for Kaplan's attention FLOPs", 'a whole number like 4096', 1),
    width: whole("model width d_model, for Kaplan's attention FLOPs", 'a whole number like 8192', 1),
    unique: count(
      'unique tokens the training data is drawn from: epochs, effective data and the loss lost to repeats (Muennighoff et al. 2023)',
      'a count like 500B',
    ),
  },
  evaluate: (context) => evaluateModel(context),
};
