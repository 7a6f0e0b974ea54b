import type { DivisionLevel } from '@tongxin/core';

/**
 * The divisions of the demo (see shared/design/demo-facts.md). Real place names; codes only where
 * they are the published 6-digit codes. Villages of Zhaoxiang are invented (the source gives only
 * their number, 40); Henglan's eleven are its real villages and community.
 */
export interface DivisionSeed {
  name: string;
  level: DivisionLevel;
  code?: string;
  children?: DivisionSeed[];
}

const towns = (names: string[]): DivisionSeed[] => names.map((name) => ({ name, level: 'town' }));
const villages = (names: string[]): DivisionSeed[] => names.map((name) => ({ name, level: 'village' }));
const districts = (names: string[]): DivisionSeed[] => names.map((name) => ({ name, level: 'district' }));

const zhaoxiangVillages = [
  '赵巷村', '方夏村', '沈泾塘村', '中步村', '新镇村', '垂姚村', '金葫芦村', '和睦村', '崧泽村', '南横村',
  '北横村', '东方村', '西庄村', '前进村', '民和村', '仓桥村', '吉泾村', '泾阳村', '盘龙村', '龙联村',
  '赵巷居委会', '佳乐苑社区', '秀景社区', '业煌社区', '嘉松社区', '新城社区', '兰馨社区', '崧和社区', '同心社区', '和乐社区',
  '景湖社区', '金汇社区', '公园社区', '水岸社区', '绿苑社区', '春华社区', '秋实社区', '翠湖社区', '明珠社区', '幸福社区',
];

const hengLanVillages = ['横东村', '横西村', '三沙村', '四沙村', '五沙村', '六沙村', '贴边村', '新茂村', '新丰村', '裕祥村', '宝裕村'];

export const demoDivisions: DivisionSeed[] = [
  {
    name: '上海市',
    level: 'city',
    code: '310000',
    children: [
      {
        name: '青浦区',
        level: 'district',
        code: '310118',
        children: [
          ...towns(['夏阳街道', '盈浦街道', '香花桥街道', '朱家角镇', '练塘镇', '金泽镇']),
          { name: '赵巷镇', level: 'town', children: villages(zhaoxiangVillages) },
          ...towns(['徐泾镇', '华新镇', '重固镇', '白鹤镇']),
        ],
      },
      {
        name: '金山区',
        level: 'district',
        code: '310116',
        children: towns(['石化街道', '朱泾镇', '枫泾镇', '张堰镇', '亭林镇', '吕巷镇', '廊下镇', '金山卫镇', '漕泾镇', '山阳镇', '金山工业区']),
      },
    ],
  },
  {
    name: '安徽省',
    level: 'province',
    code: '340000',
    children: [
      { name: '合肥市', level: 'city', code: '340100' },
      { name: '亳州市', level: 'city', code: '341600', children: districts(['谯城区', '涡阳县', '蒙城县', '利辛县']) },
      { name: '宿州市', level: 'city', code: '341300' },
      { name: '蚌埠市', level: 'city', code: '340300' },
      {
        name: '滁州市',
        level: 'city',
        code: '341100',
        children: districts(['琅琊区', '南谯区', '天长市', '明光市', '来安县', '全椒县', '定远县', '凤阳县']),
      },
      { name: '六安市', level: 'city', code: '341500', children: districts(['金安区', '裕安区', '叶集区', '霍邱县', '舒城县', '金寨县', '霍山县']) },
      { name: '马鞍山市', level: 'city', code: '340500' },
      { name: '宣城市', level: 'city', code: '341800' },
      { name: '铜陵市', level: 'city', code: '340700' },
      { name: '安庆市', level: 'city', code: '340800' },
      { name: '黄山市', level: 'city', code: '341000', children: districts(['屯溪区', '黄山区', '徽州区', '歙县', '休宁县', '黟县', '祁门县']) },
      { name: '池州市', level: 'city', code: '341700' },
    ],
  },
  {
    name: '四川省',
    level: 'province',
    code: '510000',
    children: [{ name: '自贡市', level: 'city', code: '510300', children: [{ name: '贡井区', level: 'district', code: '510303' }] }],
  },
  {
    name: '广东省',
    level: 'province',
    code: '440000',
    // 中山市 has no districts: its towns sit directly under the city.
    children: [{ name: '中山市', level: 'city', code: '442000', children: [{ name: '横栏镇', level: 'town', children: villages(hengLanVillages) }] }],
  },
];
