import { describe, expect, it } from 'vitest';
import { codePointLength, cutToCodePoints, forbiddenControl, stripBidiControls } from './input-text.ts';

describe('input text rules', () => {
  it('cuts by code points, never inside a surrogate pair', () => {
    const name = `${'字'.repeat(199)}😀尾`;
    expect(name.length).toBe(202);
    const cut = cutToCodePoints(name, 200);
    expect(cut).toBe(`${'字'.repeat(199)}😀`);
    expect(codePointLength(cut)).toBe(200);
    expect(cutToCodePoints('😀'.repeat(300), 200)).toBe('😀'.repeat(200));
    expect(cutToCodePoints('短', 200)).toBe('短');
  });

  it('forbids NUL and other controls but tab, newline and carriage return', () => {
    for (const bad of ['a\u0000b', '\u0007', '\u001B[31m', '\u007F', '\u0085']) expect(forbiddenControl.test(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['a\tb', 'line\nline', 'crlf\r\n', '中文', '😀', '\u200B']) expect(forbiddenControl.test(good), JSON.stringify(good)).toBe(false);
  });

  it('strips bidi overrides and isolates', () => {
    expect(stripBidiControls('\u202Eevil\u202C')).toBe('evil');
    expect(stripBidiControls('a\u2066b\u2069c\u202Ad')).toBe('abcd');
    expect(stripBidiControls('正常名称')).toBe('正常名称');
  });
});
