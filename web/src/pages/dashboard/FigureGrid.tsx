import { Col, Row, Typography } from 'antd';
import { type Dashboard, type DrillFigure, type DrillInput } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/money.ts';
import { FigureCard } from './FigureCard.tsx';

type Drill = (figure: DrillFigure, extra?: Partial<DrillInput>) => (() => void) | undefined;

const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const money = (fen: number) => formatMoney(fen);

/** The headline figures: stock figures as of today, flow figures with their two comparisons. */
export function FigureGrid({ data, drill }: { data: Dashboard; drill: Drill }) {
  const { t } = useTranslation();
  const council = data.organisations.members.byRole.find((r) => r.key === 'council')?.count ?? 0;
  const stage = (key: string) => data.investment.byStage.find((s) => s.key === key)?.count ?? 0;
  const cards = [
    { id: 'organisations', title: t('dashboard.figures.organisations'), value: data.organisations.total, drill: drill('organisations') },
    {
      id: 'members',
      title: t('dashboard.figures.members'),
      value: data.organisations.members.total,
      drill: drill('members'),
      extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.figures.council', { count: council })}</Typography.Text>,
    },
    { id: 'venues', title: t('dashboard.figures.venues'), value: data.venues.total, drill: drill('venues') },
    {
      id: 'projects',
      title: t('dashboard.figures.projects'),
      value: data.projects.total,
      drill: drill('projects'),
      extra: (
        <Typography.Link
          style={{ fontSize: 12 }}
          type={data.projects.overdueProjects ? 'danger' : 'secondary'}
          data-testid="figure-projects-overdue"
          onClick={(event) => {
            event.stopPropagation();
            drill('projects.overdue')?.();
          }}
        >
          {t('dashboard.figures.overdue', { projects: data.projects.overdueProjects, milestones: data.projects.overdueMilestones })}
        </Typography.Link>
      ),
    },
    { id: 'activities', title: t('dashboard.figures.activities'), value: data.activities.total, drill: drill('activities') },
    { id: 'participants', title: t('dashboard.figures.participants'), value: data.activities.participants, drill: drill('activities') },
    { id: 'needs', title: t('dashboard.figures.needs'), value: data.needs.total, drill: drill('needs') },
    {
      id: 'cases',
      title: t('dashboard.figures.cases'),
      value: data.cases.received,
      drill: drill('cases'),
      extra: (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.figures.rates', { response: rate(data.cases.responseRate.current), solve: rate(data.cases.solveRate.current), satisfaction: rate(data.cases.satisfactionRate.current) })}
        </Typography.Text>
      ),
    },
    {
      id: 'competitions',
      title: t('dashboard.figures.competitions'),
      value: data.competitions.total,
      drill: drill('competitions'),
      extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.figures.entries', { entries: data.competitions.entries, awarded: data.competitions.awarded })}</Typography.Text>,
    },
    { id: 'received', title: t('dashboard.figures.received'), value: data.money.receivedFen, format: money, drill: drill('money') },
    {
      id: 'signed',
      title: t('dashboard.figures.signed'),
      value: data.investment.signed,
      drill: drill('investment.signed'),
      extra: (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.figures.contract', { amount: money(data.investment.contractFen.current), talks: stage('lead') + stage('talks'), talents: data.investment.talents.current })}
        </Typography.Text>
      ),
    },
    { id: 'articles', title: t('dashboard.figures.articles'), value: data.publicity.articles, drill: drill('articles') },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((card) => (
        <Col key={card.id} xs={12} md={8} xl={6} xxl={4}>
          <FigureCard testId={`figure-${card.id}`} title={card.title} value={card.value} format={card.format} extra={card.extra} onClick={card.drill} />
        </Col>
      ))}
    </Row>
  );
}
