import * as assert from 'node:assert/strict';
import { commandLinkTarget, detectModelMentions, readDetectedModelArgument } from '../../src/designDocs';

describe('detected models as command arguments', () => {
  const [mention] = detectModelMentions('The MoE (671B params, 37B active) sees 14.8T tokens.');

  it('round-trip through a command link without their place in the document', () => {
    const target = commandLinkTarget('scaling.copyMentionMarkdown', mention);
    const [command, query] = target.split('?');
    assert.equal(command, 'command:scaling.copyMentionMarkdown');
    assert.doesNotMatch(query, /[()\s"]/);
    const [argument] = JSON.parse(decodeURIComponent(query));
    assert.deepEqual(readDetectedModelArgument(argument), {
      params: 671e9,
      activeParams: 37e9,
      tokens: 14.8e12,
      matchedText: mention.matchedText,
      source: 'prose',
    });
  });

  it('refuse arguments that are not a model', () => {
    for (const argument of [
      undefined,
      null,
      'x',
      [],
      { params: 7e9 },
      { params: -1, tokens: 1e12 },
      { params: 7e9, tokens: Infinity },
      { params: 7e9, tokens: 1e12, activeParams: 8e9 },
      { params: '7B', tokens: '1T' },
    ]) {
      assert.equal(readDetectedModelArgument(argument), undefined, JSON.stringify(argument));
    }
  });

  it('fill in what a hand-written argument leaves out', () => {
    assert.deepEqual(readDetectedModelArgument({ params: 7e9, tokens: 2e12, source: 'nonsense', name: 3 }), {
      params: 7e9,
      tokens: 2e12,
      matchedText: '',
      source: 'prose',
    });
  });
});
