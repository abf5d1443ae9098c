import * as assert from 'node:assert/strict';
import { DataFileTexts } from '../../src/notebook/dataFileTexts';

describe('DataFileTexts (the editor re-reads a data file only when it changed)', () => {
  it('gives the kept text while modification time and size are unchanged, and nothing once either changes', () => {
    const texts = new DataFileTexts();
    texts.set('file:///w/runs.csv', 1000, 42, 'params,tokens,loss');
    assert.equal(texts.get('file:///w/runs.csv', 1000, 42), 'params,tokens,loss');
    assert.equal(texts.get('file:///w/runs.csv', 2000, 42), undefined);
    assert.equal(texts.get('file:///w/runs.csv', 1000, 43), undefined);
    assert.equal(texts.get('file:///w/other.csv', 1000, 42), undefined);
  });

  it('keeps the 16 most recently read files', () => {
    const texts = new DataFileTexts();
    for (let index = 0; index < 17; index++) texts.set(`f${index}`, 1, 1, `text ${index}`);
    assert.equal(texts.get('f0', 1, 1), undefined);
    assert.equal(texts.get('f1', 1, 1), 'text 1');
    assert.equal(texts.get('f16', 1, 1), 'text 16');
  });
});
