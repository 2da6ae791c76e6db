/**
 * The benign 16 KiB JSON body of the shared benchmark (../shared/bench/lib/make-payload.mjs), rebuilt here byte for
 * byte: an order with line items, about 540 leaf values, plain words only.
 */

/** The shared bench's 16 KiB JSON body (../shared/bench/lib/make-payload.mjs), byte for byte. */
export function makePayload(size = 16384): string {
  const words = [
    'amber',
    'basket',
    'canvas',
    'delta',
    'ember',
    'forest',
    'garden',
    'harbor',
    'island',
    'jasmine',
    'kettle',
    'lantern',
    'meadow',
    'number',
    'orchard',
    'pepper',
    'quartz',
    'river',
    'saddle',
    'timber',
    'umbrella',
    'velvet',
    'window',
    'yellow',
    'zephyr',
  ];
  const phrase = (i: number, n: number): string => {
    const w: string[] = [];
    for (let k = 0; k < n; k++) w.push(words[(i * 7 + k * 3) % words.length] as string);
    return w.join(' ');
  };
  const doc = {
    order_id: 'ord-2026-000123',
    customer: { id: 'cust-4711', name: 'Example Customer', tier: 'gold' },
    currency: 'EUR',
    note: '',
    items: [] as unknown[],
  };
  for (let i = 0; JSON.stringify(doc).length < size - 400; i++) {
    doc.items.push({
      sku: `sku-${1000 + i}`,
      title: phrase(i, 3),
      description: phrase(i + 1, 12),
      quantity: (i % 5) + 1,
      unit_price: Math.round((i * 3.7 + 9.99) * 100) / 100,
      tags: [words[i % words.length], words[(i + 5) % words.length]],
    });
  }
  const pad = size - JSON.stringify(doc).length;
  let note = '';
  while (note.length < pad) note += `${phrase(note.length, 1)} `;
  doc.note = note.slice(0, pad).replace(/ $/, '.');
  return JSON.stringify(doc);
}
