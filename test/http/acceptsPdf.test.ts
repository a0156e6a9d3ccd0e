import { describe, expect, it } from 'vitest';
import { acceptsPdf } from '../../src/http/acceptsPdf.js';

describe('acceptsPdf', () => {
  it.each([
    ['application/pdf', true],
    ['application/pdf, application/json;q=0.5', true],
    ['application/json;q=0.2, application/*;q=0.9', true],
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/json', false],
    ['application/json, application/pdf', false],
    ['application/pdf;q=0', false],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
    ['application/pdf;q=0.5, application/json;q=0.5', false],
    ['application/pdf;q=oops', false],
  ])('%s -> %s', (accept, expected) => {
    expect(acceptsPdf(accept)).toBe(expected);
  });
});
