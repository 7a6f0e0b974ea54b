/**
 * Word lists for the demo's requests (shared/design/demo-facts.md): Tongling's wishes and ideas,
 * Henglan's hotline calls, Bengbu's proposals and a direct-channel report in Chizhou. Every
 * submitter is invented; phones are in the reserved demo range 1370000xxxx.
 */

export const tonglingTeams = ['铜陵市第一志愿服务队', '铜陵市第二志愿服务队', '铜陵市第三志愿服务队', '铜陵市第四志愿服务队'];

/** 微心愿: what a child, an elderly person or a family in need asked for. */
export const wishItems = [
  '一个新书包', '一套课外读物', '一台助听器', '一副老花镜', '冬季棉被', '一辆儿童自行车', '一套学习文具', '一台小台灯',
  '一件羽绒服', '一次免费体检', '一双运动鞋', '一个保温杯', '一套绘画工具', '一次家电维修', '一台收音机', '一把轮椅',
];
export const wishFor = ['留守儿童', '独居老人', '困难家庭学生', '残疾人家庭', '环卫工人', '外来务工人员子女'];
/** Service kinds a wish asks for, by code (from the default list). */
export const wishKinds = ['volunteers', 'elderly_care', 'training', 'funds', 'medical'];

/** 金点子: ideas from residents of Tongling. */
export const ideaTopics = [
  '老旧小区增设电动车充电桩', '社区食堂延长供餐时间', '公园增设夜间照明', '学校周边设置接送等候区', '菜市场垃圾分类督导',
  '滨江步道增加休息座椅', '公交站台加装遮阳棚', '社区开设老年智能手机课堂', '停车难小区错时共享车位', '背街小巷修补路面',
];

/** Henglan's hotline: questions answered on the call, and problems passed to the villages. */
export const henglanQuestions = [
  '港澳居民居住证办理流程', '港澳同胞子女入学政策', '回乡证续期办理地点', '在横栏投资企业的税收政策', '港澳籍老人医保参保',
  '跨境车辆年审安排', '港澳居民公积金缴存', '老宅产权登记咨询',
];
export const henglanProblems = [
  '祖屋漏水无人维修', '村道路灯损坏', '排水沟堵塞', '邻里宅基地纠纷', '港澳乡亲回乡祭祖道路不通', '厂房噪音扰民',
  '农田灌溉渠损坏', '老宅门前积水', '垃圾清运不及时', '宗祠修缮协调',
];

/** Bengbu: topics of the democratic parties' proposals (社情民意、提案建议). */
export const bengbuTopics = [
  '社区养老服务站建设', '老旧小区加装电梯', '淮河沿岸生态保护', '中小学课后服务', '背街小巷环境整治', '社区卫生服务中心夜间门诊',
  '菜市场提升改造', '公共自行车站点布局', '社区心理健康服务', '残疾人无障碍设施', '新就业形态劳动者权益保障', '社区消防通道治理',
];

export const satisfactionNotes = ['对处理结果表示满意', '基本满意，希望加快进度', '表示不满意：诉求超出政策范围'];

/** Invented names for submitters, by index. */
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const titles = ['先生', '女士', '阿姨', '师傅', '大爷'];
export const submitterName = (n: number): string => `${surnames[n % surnames.length]}${titles[Math.floor(n / surnames.length) % titles.length]}`;
export const submitterPhone = (n: number): string => `1370000${String(n).padStart(4, '0')}`;

/** The Chizhou direct-channel report (直通车) and its three units. */
export const chizhou = {
  organisation: '九三学社池州市委会',
  title: '关于推动池州文旅深度融合发展的调研报告',
  content:
    '九三学社池州市委会组织专委会成员，赴九华山、杏花村、秋浦河沿线等地开展专题调研。报告分析了池州文旅资源“散、小、弱”的问题，提出：一是编制全域旅游线路，打通景区间交通“最后一公里”；二是培育研学、康养等新业态；三是完善乡村民宿标准与扶持政策。',
  leader: '市委主要负责同志',
  instruction: '调研扎实，建议可行。请市文旅局牵头，市发改委、市农业农村局配合，逐条研究落实，月底前报告进展。',
  units: ['池州市文化和旅游局', '池州市发展和改革委员会', '池州市农业农村局'],
  tasks: ['牵头研究全域旅游线路与研学、康养新业态', '研究景区间交通连接项目纳入年度计划', '制定乡村民宿标准与扶持政策'],
  staff: '池州市委统战部 刘敏',
};
