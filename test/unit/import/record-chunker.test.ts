import { parseCsvChunk } from '../../../functions/import/csv-chunk-parser';
import { lastRecordEnd, RecordChunker } from '../../../functions/import/record-chunker';

const bytes = (text: string) => Buffer.from(text);

describe('lastRecordEnd', () => {
  it('ends at the last newline outside quotes', () => {
    expect(lastRecordEnd(bytes('a,b\nc,d\ne'))).toBe(8);
    expect(lastRecordEnd(bytes('a,"x\ny"\nc,"open\n'))).toBe(8);
  });

  it('treats "" inside a quoted field as an escaped quote, and a quote mid-field as a literal', () => {
    expect(lastRecordEnd(bytes('a,"say ""hi""\n",b\nc'))).toBe(18);
    expect(lastRecordEnd(bytes('a,5" screen\nb'))).toBe(12);
  });

  it('returns -1 without a complete record', () => {
    expect(lastRecordEnd(bytes('a,b'))).toBe(-1);
    expect(lastRecordEnd(bytes('"a\nb'))).toBe(-1);
  });
});

describe('RecordChunker', () => {
  it('cuts any slicing of the input into record-aligned chunks numbered by line', () => {
    const text = 'a,"1\n2",x\nb,3,y\nc,"4,5",z\nd,6,w';
    for (let slice = 1; slice <= text.length; slice++) {
      const chunker = new RecordChunker(8, 1 << 20, 2);
      const chunks = [];
      for (let i = 0; i < text.length; i += slice) chunks.push(...chunker.push(bytes(text.slice(i, i + slice))));
      chunks.push(...chunker.end());
      expect(Buffer.concat(chunks.map((c) => c.bytes)).toString()).toBe(text);
      const records = chunks.flatMap((c) => parseCsvChunk(c.bytes, c.firstLine).records);
      expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
        [2, 'a'],
        [4, 'b'],
        [5, 'c'],
        [6, 'd'],
      ]);
    }
  });

  it('read into (space, then filled) in reads of any size, gives the same bytes and lines as push', () => {
    const text = 'h\na,"1\n2",x\nb,3,y\nc,"4,5",z\nd,6,w\ne,"long ""quoted"" field, with commas",v\nf,7';
    const pushed = new RecordChunker(8, 1 << 20, 2);
    const expected = [...pushed.push(bytes(text)), ...pushed.end()];
    for (let readSize = 1; readSize <= 12; readSize++) {
      const chunker = new RecordChunker(8, 1 << 20, 2);
      const chunks = [];
      for (let at = 0; at < text.length; ) {
        const space = chunker.space();
        const read = bytes(text.slice(at, at + Math.min(readSize, space.length))).copy(space);
        at += read;
        chunks.push(...chunker.filled(read));
      }
      chunks.push(...chunker.end());
      expect(Buffer.concat(chunks.map((c) => c.bytes)).toString()).toBe(text);
      const records = chunks.flatMap((c) => parseCsvChunk(c.bytes, c.firstLine).records);
      const expectedRecords = expected.flatMap((c) => parseCsvChunk(c.bytes, c.firstLine).records);
      expect(records).toEqual(expectedRecords);
    }
  });

  it('gives every chunk an ArrayBuffer of its own, so moving one to a worker leaves the others intact', () => {
    const chunker = new RecordChunker(8);
    const chunks = [...chunker.push(bytes('a,1\nb,2\nc,3\n')), ...chunker.push(bytes('d,4\ne,5\nf,6\n'))];
    chunks.push(...chunker.push(bytes('g,7\n')), ...chunker.end());
    expect(chunks.length).toBeGreaterThan(1);
    const texts = chunks.map((c) => c.bytes.toString());
    for (const chunk of chunks) {
      expect(chunk.bytes.byteOffset).toBe(0);
      const moved = structuredClone(chunk.bytes, { transfer: [chunk.bytes.buffer as ArrayBuffer] });
      expect(Buffer.from(moved).toString()).toBe(texts[chunks.indexOf(chunk)]);
    }
    expect(new Set(chunks.map((c) => c.bytes.buffer)).size).toBe(chunks.length);
  });

  it('gives up on an unterminated quote past the size cap instead of buffering forever', () => {
    const chunker = new RecordChunker(4, 16);
    const out = chunker.push(bytes('a,"never closed\nb,c\nd,e\nf,g\n'));
    expect(out).toHaveLength(1);
  });
});

describe('parseCsvChunk', () => {
  it('handles CRLF, quoted commas and blank lines', () => {
    const { records, malformed } = parseCsvChunk(bytes('1,"x, y"\r\n\r\n2,z\r\n'), 10);
    expect(records).toEqual([
      { line: 10, fields: ['1', 'x, y'] },
      { line: 12, fields: ['2', 'z'] },
    ]);
    expect(malformed).toEqual([]);
  });

  it('rejects a malformed record by line and keeps the others', () => {
    const { records, malformed } = parseCsvChunk(bytes('1,a\n2,"b"c\n3,d\n4,"e\n'), 2);
    expect(records.map((r) => r.line)).toEqual([2, 4]);
    expect(malformed).toEqual([
      { line: 3, reason: 'malformed_csv' },
      { line: 5, reason: 'malformed_csv' },
    ]);
  });
});
