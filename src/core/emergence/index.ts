/** Emergence as a metric artefact: exact match over an answer from a smoothly falling per-token loss. */
export * from './trainingTokens';
export * from './exactMatch';
export * from './emergenceTransition';
