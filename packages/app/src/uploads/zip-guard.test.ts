import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildZip, docxBomb, repeatedDeflate, xlsxBomb } from './testing.js';
import {
  inflateEntry,
  listZipEntries,
  OFFICE_LIMITS,
  verifyZip,
  verifyZipStreaming,
  ZipRejectedError,
  type ZipLimits,
} from './zip-guard.js';

function rejection(fn: () => unknown): ZipRejectedError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ZipRejectedError);
    return e as ZipRejectedError;
  }
  throw new Error('expected a ZipRejectedError');
}

async function asyncRejection(p: Promise<unknown>): Promise<ZipRejectedError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ZipRejectedError);
  return e as ZipRejectedError;
}

const small: ZipLimits = { maxEntries: 3, maxEntryBytes: 1000, maxTotalBytes: 1500, maxRatio: 10, ratioFloorBytes: 100 };
const text = (n: number, seed = 1) => {
  // Incompressible enough to stay under any ratio: a simple LCG over letters.
  let s = '';
  for (let i = 0, x = seed; i < n; i++) s += String.fromCharCode(97 + ((x = (x * 1103515245 + 12345) % 2 ** 31) % 26));
  return s;
};

describe('listZipEntries: limits from the central directory, before inflating', () => {
  it('accepts an archive within the limits and lists its entries', () => {
    const zip = buildZip([
      { name: 'a.xml', data: text(900) },
      { name: 'dir/b.xml', data: text(500, 2) },
    ]);
    expect(listZipEntries(zip, small).map((e) => [e.name, e.size])).toEqual([
      ['a.xml', 900],
      ['dir/b.xml', 500],
    ]);
    expect(verifyZip(zip, small)).toHaveLength(2);
  });

  it('refuses too many entries, an entry too large, too much in total, and a high ratio', () => {
    const cases: [ReturnType<typeof buildZip>, string][] = [
      [buildZip(['a', 'b', 'c', 'd'].map((name) => ({ name, data: 'x' }))), 'too_many_entries'],
      [buildZip([{ name: 'big', data: text(1001) }]), 'entry_too_large'],
      [
        buildZip([
          { name: 'a', data: text(900) },
          { name: 'b', data: text(700, 3) },
        ]),
        'total_too_large',
      ],
      [buildZip([{ name: 'zeros', data: Buffer.alloc(999) }]), 'ratio_too_high'],
    ];
    for (const [zip, reason] of cases) {
      const e = rejection(() => listZipEntries(zip, small));
      expect(e.reason).toBe(reason);
      expect(e.code).toBe('ARCHIVE_TOO_LARGE');
      expect(e.status).toBe(413);
      expect(e.message).toMatch(/解压后过大/);
    }
    // Under the ratio floor, tiny parts may compress as well as they like.
    expect(listZipEntries(buildZip([{ name: 'zeros', data: Buffer.alloc(99) }]), small)).toHaveLength(1);
  });

  it('refuses a 1,000:1 sheet and a .docx bomb by their declared sizes alone', () => {
    const sheet = rejection(() => listZipEntries(xlsxBomb({ rows: 2000 })));
    expect([sheet.reason, sheet.details]).toEqual(['ratio_too_high', { reason: 'ratio_too_high', entry: 'xl/worksheets/sheet1.xml' }]);
    const huge = rejection(() => listZipEntries(docxBomb({ megabytes: 300 })));
    expect(huge.reason).toBe('entry_too_large');
    expect(OFFICE_LIMITS.maxEntryBytes).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses what it cannot bound or should not see: ZIP64, encryption, other methods, odd paths, duplicates, garbage', () => {
    const zip = buildZip([{ name: 'a.xml', data: 'x' }]);
    const eocd = zip.length - 22;
    const zip64 = Buffer.from(zip);
    zip64.writeUInt16LE(0xffff, eocd + 10);
    expect(rejection(() => listZipEntries(zip64)).reason).toBe('zip64');
    const sized64 = Buffer.from(zip);
    sized64.writeUInt32LE(0xffffffff, zip.readUInt32LE(eocd + 16) + 24); // central uncompressed size
    expect(rejection(() => listZipEntries(sized64)).reason).toBe('zip64');
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(0x0801, zip.readUInt32LE(eocd + 16) + 8);
    expect(rejection(() => listZipEntries(encrypted)).reason).toBe('encrypted');
    const bzip2 = Buffer.from(zip);
    bzip2.writeUInt16LE(12, zip.readUInt32LE(eocd + 16) + 10);
    expect(rejection(() => listZipEntries(bzip2)).reason).toBe('unsupported_method');
    for (const name of ['../evil.xml', '/etc/passwd', 'a\\b.xml', 'C:/x.xml', 'a/./b'])
      expect(rejection(() => listZipEntries(buildZip([{ name, data: 'x' }]))).reason).toBe('bad_path');
    expect(
      rejection(() =>
        listZipEntries(
          buildZip([
            { name: 'a', data: 'x' },
            { name: 'a', data: 'y' },
          ]),
        ),
      ).reason,
    ).toBe('duplicate_name');
    for (const bad of [Buffer.alloc(0), Buffer.from('PK\x03\x04 not really a zip'), zip.subarray(0, zip.length - 5)]) {
      const e = rejection(() => listZipEntries(bad));
      expect(e.code).toBe('INVALID_ARCHIVE');
      expect(e.status).toBe(400);
    }
  });
});

describe('inflating: a hard cap at the declared size', () => {
  it('a header that understates the size is refused as soon as the output passes it', async () => {
    const real = repeatedDeflate('<a>', '<b/>'.repeat(1000), 50_000, '</a>'); // 200 MB inflated
    const lying = buildZip([{ name: 'a.xml', raw: { ...real, size: 10_000 } }]);
    const [entry] = listZipEntries(lying); // 10 KB declared: nothing to object to yet
    expect(entry!.size).toBe(10_000);
    expect(rejection(() => inflateEntry(lying, entry!)).reason).toBe('size_mismatch');
    expect(rejection(() => verifyZip(lying)).code).toBe('ARCHIVE_TOO_LARGE');
    expect((await asyncRejection(verifyZipStreaming(lying))).reason).toBe('size_mismatch');
  });

  it('an overstated size or a wrong CRC is a damaged archive', async () => {
    const data = Buffer.from(text(500));
    const raw = { compressed: deflateRawSync(data), size: 600, crc: 0 };
    const over = buildZip([{ name: 'a', raw }]);
    expect(rejection(() => verifyZip(over)).code).toBe('INVALID_ARCHIVE');
    expect((await asyncRejection(verifyZipStreaming(over))).code).toBe('INVALID_ARCHIVE');
    const badCrc = buildZip([{ name: 'a', raw: { ...raw, size: 500, crc: 1 } }]);
    expect(rejection(() => verifyZip(badCrc)).code).toBe('INVALID_ARCHIVE');
  });

  it('the builder’s bombs are what they claim (true size and CRC match when not lying)', async () => {
    const honest = buildZip([{ name: 'a.xml', raw: repeatedDeflate('<a>', '<b/>', 100_000, '</a>') }]);
    const [entry] = listZipEntries(honest, { ...OFFICE_LIMITS, maxRatio: 10_000 });
    expect(inflateEntry(honest, entry!).toString()).toBe(`<a>${'<b/>'.repeat(100_000)}</a>`);
    expect(await verifyZipStreaming(honest, { ...OFFICE_LIMITS, maxRatio: 10_000 })).toHaveLength(1);
  });
});
