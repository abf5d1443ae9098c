import { evaluateTournament } from '../evaluator/testTimeStatements';
import type { StatementForm } from '../statementForm';
import { fraction, together, whole } from './propertyTypes';

export const TOURNAMENT: StatementForm = {
  keyword: 'tournament',
  role: 'query',
  name: 'none',
  doc: "Chen et al. 2024's generate-then-knockout tournament: N candidates, each match won by the majority of K comparisons. P(wrong) ≤ (1 − p_gen)^N + ⌈log₂ N⌉·e^(−2K(p_comp − ½)²) with N·(K + 1) LLM calls, for a given N and K or the best within a call budget (with a chart of the bound against the budget).",
  syntax: 'tournament generate=P compare=P (candidates=N comparisons=K | calls=BUDGET)',
  example: 'tournament generate=0.3 compare=0.7 candidates=16 comparisons=50',
  properties: {
    generate: fraction('p_gen: the chance one generated candidate is correct', 'a fraction like 0.3 or 30%'),
    compare: fraction(
      'p_comp: the chance one comparison of a correct and an incorrect candidate picks the correct one; must beat 50%',
      'a fraction like 0.7 or 70%',
    ),
    candidates: whole('N: candidates generated', 'a whole number like 16', 1),
    comparisons: whole('K: comparisons per match, the majority wins', 'a whole number like 50', 0),
    calls: whole('an LLM-call budget per problem: the N and K with the lowest bound within it', 'a whole number like 1000', 1),
  },
  constraints: [together(['candidates', 'comparisons'], 'candidates=16 comparisons=50')],
  evaluate: (context) => evaluateTournament(context),
};
