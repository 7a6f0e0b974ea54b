import { describe, expect, it } from 'vitest';
import { extractFigures } from './articles/figures.ts';
import { allowedRange, checkFigures, liveKeyOf, toleranceOf } from './figure-check.ts';

const first = (text: string) => extractFigures(text)[0]!;

describe('figure check', () => {
  it('reads the rounding the text itself states', () => {
    expect(allowedRange(first('全年开展活动30余次'))).toEqual({ low: 30, high: 39, tolerance: 'at_least' });
    expect(allowedRange(first('服务企业近100家'))).toEqual({ low: 90, high: 100, tolerance: 'nearly' });
    expect(allowedRange(first('会员企业154家'))).toEqual({ low: 154, high: 154, tolerance: 'exact' });
    expect(allowedRange(first('合同投资额总计480.4亿元'))).toEqual({ low: 48_035_000_000, high: 48_045_000_000, tolerance: 'exact' });
    expect(toleranceOf(first('约80人参加'))).toBe('about');
  });

  it('names the live figure a written one speaks of, or none', () => {
    expect(liveKeyOf(first('全年开展活动30余次'))).toBe('activities');
    expect(liveKeyOf(first('商会拥有会员企业154家'))).toBe('member_organisations');
    expect(liveKeyOf(first('个人会员398名'))).toBe('member_people');
    expect(liveKeyOf(first('到账善款120万元'))).toBe('money_received');
    expect(liveKeyOf(first('覆盖率达到95%'))).toBeNull();
  });

  it('flags "30余次" against 0 recorded and "近100" against 60; passes what the rounding allows', () => {
    const checks = checkFigures(extractFigures('全年开展活动30余次，商会拥有会员企业近100家，到账善款120万元。'), { activities: 0, member_organisations: 60, money_received: 1_200_000 });
    expect(checks.map((c) => [c.raw, c.key, c.live, c.low, c.high, c.differs])).toEqual([
      ['30余次', 'activities', 0, 30, 39, true],
      ['近100家', 'member_organisations', 60, 90, 100, true],
      ['120万元', 'money_received', 1_200_000, 1_200_000, 1_200_000, false],
    ]);
    expect(checkFigures(extractFigures('全年开展活动30余次'), { activities: 36 })[0]!.differs).toBe(false);
    expect(checkFigures(extractFigures('全年开展活动30余次'), {})).toEqual([]);
  });
});
