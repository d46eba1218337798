import type { Field } from '../../../functions/core/fields';
import type { ExposureRecord } from '../../../functions/core/ports';
import { ChunkItemLines } from '../../../functions/import/chunk-item-lines';
import { ExposureItemJsonBuffer, exposureItemJsonLine } from '../../../functions/import/exposure-item-json';

const record = (identifierHash: string, subjectId: string, fields: Field[]): ExposureRecord => ({
  identifierHash,
  breachId: 'b-2026',
  subjectId,
  fields,
});

describe('ExposureItemJsonBuffer', () => {
  it('writes the same bytes as exposureItemJsonLine, growing past its first capacity', () => {
    const records = Array.from({ length: 50 }, (_, index) =>
      record(`hash-${index}-${'x'.repeat(index)}`, `subject_${index}`, index % 2 ? ['iban', 'email'] : ['phone']),
    );
    const buffer = new ExposureItemJsonBuffer(64);
    for (const item of records) buffer.append(item);
    expect(buffer.take().toString('latin1')).toBe(records.map(exposureItemJsonLine).join(''));
    expect(buffer.take().length).toBe(0);
  });

  it("writes one row's items (same subject, other hashes) as exposureItemJsonLine would", () => {
    const row = ['h-a', 'h-bb', 'h-c'].map((hash) => record(hash, 'subject_1', ['iban', 'phone']));
    const buffer = new ExposureItemJsonBuffer(64);
    buffer.appendItems(row);
    buffer.appendItems([record('h-d', 'subject_2', ['email'])]);
    const expected = [...row, record('h-d', 'subject_2', ['email'])].map(exposureItemJsonLine).join('');
    expect(buffer.take().toString('latin1')).toBe(expected);
  });
});

describe('ExposureItemJsonBuffer recycling', () => {
  it('fills a Buffer given back after a take once the current one is taken, else a fresh one', () => {
    const buffer = new ExposureItemJsonBuffer(4096);
    const same = (a: Buffer, b: Buffer) => a.buffer === b.buffer;
    buffer.append(record('h1', 's1', ['email']));
    const first = buffer.take();
    buffer.recycle(first);
    buffer.append(record('h2', 's2', ['email']));
    const second = buffer.take();
    buffer.append(record('h3', 's3', ['phone']));
    const third = buffer.take();
    buffer.append(record('h4', 's4', ['phone']));
    const fourth = buffer.take();
    expect([same(second, first), same(third, first), same(fourth, first)]).toEqual([false, true, false]);
    expect(third.toString('latin1')).toBe(exposureItemJsonLine(record('h3', 's3', ['phone'])));
  });
});

describe('ChunkItemLines', () => {
  it('writes each row as it comes and merges a repeated subject into one item per identifier', () => {
    const chunk = new ChunkItemLines();
    chunk.add([record('h1', 's1', ['email']), record('h2', 's1', ['email'])]);
    chunk.add([record('h3', 's2', ['phone'])]);
    chunk.add([record('h2', 's1', ['iban']), record('h4', 's1', ['iban'])]);
    const { lines, items, subjects, sampleKey } = chunk.take();
    const merged: Field[] = ['iban', 'email'];
    const expected = [
      record('h3', 's2', ['phone']),
      record('h1', 's1', merged),
      record('h2', 's1', merged),
      record('h4', 's1', merged),
    ].map(exposureItemJsonLine);
    expect(lines.toString('latin1')).toBe(expected.join(''));
    expect({ items, subjects, sampleKey }).toEqual({
      items: 4,
      subjects: 3,
      sampleKey: { identifierHash: 'h1', recordKey: 'b-2026#s1' },
    });
    // The next chunk starts empty: a subject seen before is new again.
    chunk.add([record('h1', 's1', ['email'])]);
    expect(chunk.take().lines.toString('latin1')).toBe(exposureItemJsonLine(record('h1', 's1', ['email'])));
  });

  it('forgets a chunk on reset', () => {
    const chunk = new ChunkItemLines();
    chunk.add([record('h1', 's1', ['email'])]);
    chunk.reset();
    expect(chunk.take()).toEqual({ lines: Buffer.alloc(0), items: 0, subjects: 0 });
  });
});
