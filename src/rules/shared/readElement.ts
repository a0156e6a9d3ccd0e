import type { FoundElements } from '../../fields/findElements.js';
import type { ElementName, ValueOf } from '../../report/index.js';

/**
 * The value a rule may judge: any value the detector read, even one it marked invalid or
 * uncertain (a PO Box is still a PO Box); null when the element is missing.
 */
export function readElement<K extends ElementName>(elements: FoundElements, name: K): ValueOf<K> | null {
  const element = elements[name];
  if (element.status === 'missing') return null;
  return (element.value ?? null) as ValueOf<K> | null;
}
