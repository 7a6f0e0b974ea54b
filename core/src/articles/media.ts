/** Administrative level of a news medium, as publicity statistics count it. */
export type MediaLevel = 'central' | 'provincial' | 'municipal' | 'local';

/** One medium of the managed list: its name, other names it appears under, and its level. */
export interface MediaEntry {
  name: string;
  aliases?: string[];
  level: MediaLevel;
}

/**
 * A starting list of media and their levels; deployments pass their own managed list. Names are
 * simplified script: matching converts the source first. Shanghai, Beijing, Tianjin and Chongqing
 * papers count as municipal, their district papers (金山报, 青浦报…) as local.
 */
export const defaultMediaList: MediaEntry[] = [
  // Central
  { name: '人民日报', aliases: ['人民网', '人民日报海外版'], level: 'central' },
  { name: '新华社', aliases: ['新华网', '新华每日电讯'], level: 'central' },
  { name: '中央广播电视总台', aliases: ['央视', '央视网', '中央电视台', 'cctv', '央广网', '中央人民广播电台', '中国之声', '国际在线'], level: 'central' },
  { name: '光明日报', aliases: ['光明网'], level: 'central' },
  { name: '经济日报', aliases: ['中国经济网'], level: 'central' },
  { name: '中国日报', aliases: ['中国日报网', 'china daily'], level: 'central' },
  { name: '中国新闻社', aliases: ['中新社', '中新网', '中国新闻网', '中国新闻报'], level: 'central' },
  { name: '求是', aliases: ['求是网'], level: 'central' },
  { name: '解放军报', aliases: ['中国军网'], level: 'central' },
  { name: '人民政协报', aliases: ['人民政协网'], level: 'central' },
  { name: '团结报', aliases: ['团结网'], level: 'central' },
  { name: '中华工商时报', level: 'central' },
  { name: '中国青年报', aliases: ['中青网', '中国青年网'], level: 'central' },
  { name: '工人日报', aliases: ['中工网'], level: 'central' },
  { name: '农民日报', level: 'central' },
  { name: '法治日报', aliases: ['法制日报', '法治网'], level: 'central' },
  { name: '科技日报', level: 'central' },
  { name: '中国民族报', level: 'central' },
  { name: '中国妇女报', level: 'central' },
  { name: '中国统一战线', level: 'central' },
  { name: '学习强国', level: 'central' },
  // Provincial
  ...[
    ['安徽日报', '安徽网'], ['四川日报', '川观新闻', '四川在线'], ['南方日报', '南方网', '南方+'], ['浙江日报', '浙江在线', '潮新闻'],
    ['新华日报', '交汇点'], ['河南日报', '大河网'], ['湖北日报', '荆楚网'], ['湖南日报', '红网', '新湖南'],
    ['大众日报', '大众网'], ['河北日报', '长城网'], ['山西日报'], ['辽宁日报', '北国网'], ['吉林日报'],
    ['黑龙江日报'], ['福建日报', '东南网'], ['江西日报', '大江网'], ['广西日报'], ['海南日报', '南海网'],
    ['贵州日报', '天眼新闻'], ['云南日报', '云南网'], ['西藏日报'], ['陕西日报', '群众新闻'], ['甘肃日报', '每日甘肃'],
    ['青海日报'], ['宁夏日报'], ['新疆日报', '天山网'], ['内蒙古日报', '正北方网'],
  ].map(([name = '', ...aliases]): MediaEntry => ({ name, aliases, level: 'provincial' })),
  // Municipal: the four province-level cities and the larger prefecture-level cities
  ...[
    ['解放日报', '上观新闻'], ['文汇报', '文汇网'], ['新民晚报', '新民网'], ['澎湃新闻'], ['东方网'],
    ['北京日报', '北京晚报'], ['天津日报', '今晚报'], ['重庆日报', '华龙网'],
    ['合肥日报', '合肥晚报'], ['成都日报', '成都商报'], ['广州日报'], ['深圳特区报', '深圳商报'], ['杭州日报'],
    ['南京日报'], ['武汉晚报', '长江日报'], ['自贡日报'],
  ].map(([name = '', ...aliases]): MediaEntry => ({ name, aliases, level: 'municipal' })),
  // Local: district and county media
  ...[
    '金山报', '青浦报', '嘉定报', '松江报', '奉贤报', '崇明报', '宝山报', '闵行报', '浦东时报', '长宁时报',
    '静安时报', '徐汇报', '普陀报', '杨浦时报', '虹口报', '黄浦报',
  ].map((name): MediaEntry => ({ name, level: 'local' })),
];
