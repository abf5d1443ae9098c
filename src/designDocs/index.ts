/** "Is this undertrained?" for design docs: detection of model sizes in text and what to say about them. Pure, no `vscode`. */
export * from './modelMention';
export * from './lineSource';
export { detectModelMentions, mentionAt, mentionsInLines, mentionsNearLine } from './detectMentions';
export { MAX_PARAGRAPH_LINES } from './textBlocks';
export * from './mentionSummary';
export * from './mentionNotebook';
export * from './modelSizeInput';
export * from './mentionArgument';
