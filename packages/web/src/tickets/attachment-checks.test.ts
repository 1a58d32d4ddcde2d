import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { attachmentProblem, formatSize, MAX_ATTACHMENT_BYTES } from './attachment-checks.js';

describe('attachment checks', () => {
  afterEach(async () => {
    await useLanguage('en');
  });

  it('sizes files as a person reads them', () => {
    expect(formatSize(532)).toBe('532 B');
    expect(formatSize(14_540)).toBe('14.2 KiB');
    expect(formatSize(MAX_ATTACHMENT_BYTES)).toBe('10.0 MiB');
  });

  it('refuses empty and oversized files with the limit, and accepts the rest', () => {
    expect(attachmentProblem({ name: 'empty.log', size: 0 })).toBe('empty.log is empty; choose a file with something in it.');
    expect(attachmentProblem({ name: 'trace.har', size: MAX_ATTACHMENT_BYTES + 1 })).toBe(
      'trace.har is 10.0 MiB; a file may be at most 10.0 MiB. Compress it or split it into smaller files.',
    );
    expect(attachmentProblem({ name: 'big.zip', size: 12 * 1024 * 1024 })).toContain('big.zip is 12.0 MiB');
    expect(attachmentProblem({ name: 'ok.txt', size: MAX_ATTACHMENT_BYTES })).toBeNull();
  });

  it('says it in the language shown, with its way of writing numbers', async () => {
    await useLanguage('de');
    expect(formatSize(14_540)).toBe('14,2 KiB');
    expect(attachmentProblem({ name: 'trace.har', size: MAX_ATTACHMENT_BYTES + 1 })).toBe(
      'trace.har ist 10,0 MiB groß; eine Datei darf höchstens 10,0 MiB groß sein. Komprimieren Sie sie oder teilen Sie sie in kleinere Dateien auf.',
    );
    await useLanguage('ru');
    expect(formatSize(532)).toBe('532 Б');
    expect(attachmentProblem({ name: 'empty.log', size: 0 })).toBe('Файл empty.log пуст; выберите файл с содержимым.');
  });
});
