import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Input, Row } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { divisionKeys, fetchDivision, type DivisionDetail } from '../../api/divisions.ts';
import { useDivisionNodes } from '../../components/division-nodes.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { DivisionDetailPanel } from './DivisionDetailPanel.tsx';
import { DivisionFormModal, type DivisionFormTarget } from './DivisionFormModal.tsx';
import { DivisionSearchResults } from './DivisionSearchResults.tsx';
import { DivisionTree } from './DivisionTree.tsx';

/** Typing filters after a short pause, so each keystroke is not a request. */
const filterDelayMs = 300;

export function DivisionsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const url = useUrlState();
  const selectedId = url.getNumber('id') ?? null;
  const q = url.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const [revealed, setRevealed] = useState<number[]>([]);
  const [formTarget, setFormTarget] = useState<DivisionFormTarget | null>(null);
  const tree = useDivisionNodes();
  const { reveal } = tree;

  // Back/Forward changes the URL's filter: show it in the box.
  useEffect(() => {
    setTyped((current) => (current.trim() === q ? current : q));
  }, [q]);

  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = window.setTimeout(() => url.set({ q: typed.trim() }, { keepPage: true }), filterDelayMs);
    return () => window.clearTimeout(timer);
  }, [typed, q, url]);

  // Open the tree down to a division chosen elsewhere (search, a shared link).
  useEffect(() => {
    if (!selectedId) return;
    let current = true;
    queryClient
      .fetchQuery({ queryKey: divisionKeys.detail(selectedId), queryFn: () => fetchDivision(selectedId) })
      .then((detail) => reveal(detail.ancestors.map((ancestor) => ancestor.id)))
      .then((opened) => current && setRevealed(opened))
      .catch(() => undefined); // the detail panel shows the error
    return () => {
      current = false;
    };
  }, [selectedId, queryClient, reveal]);

  const select = (id: number) => url.set({ id }, { keepPage: true });

  const afterSave = async ({ conflict }: { conflict: boolean }) => {
    const target = formTarget;
    setFormTarget(null);
    await queryClient.invalidateQueries({ queryKey: divisionKeys.all });
    // The tree holds its levels outside the query observers: reload the levels that changed (a new
    // child also changes its parent's count and expander, which live in the level above).
    if (target?.mode === 'create') {
      await tree.load(target.parent?.id ?? null, true);
      if (target.parent) await tree.reloadListOf(target.parent.id);
    }
    if (target?.mode === 'edit' && !conflict) await tree.reloadListOf(target.division.id);
  };

  const canAddRoot = Boolean(me?.can.editDivisions && me.divisionId === null && me.roles.includes('system_admin'));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={8}>
        <Card
          title={t('divisions.title')}
          extra={
            canAddRoot && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })}>
                {t('divisions.addRoot')}
              </Button>
            )
          }
          styles={{ body: { paddingTop: 12 } }}
        >
          <Input.Search
            data-testid="division-search"
            allowClear
            placeholder={t('divisions.searchPlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onSearch={(value) => url.set({ q: value.trim() }, { keepPage: true })}
            style={{ marginBottom: 12 }}
          />
          <div style={{ maxHeight: 'calc(100vh - 240px)', overflow: 'auto' }}>
            {q ? (
              <DivisionSearchResults q={q} selectedId={selectedId} onSelect={select} />
            ) : (
              <DivisionTree
                nodes={tree.nodes}
                load={(parentId) => tree.load(parentId)}
                selectedId={selectedId}
                onSelect={select}
                revealed={revealed}
                rootsError={tree.rootsError}
                onRetry={tree.retryRoots}
              />
            )}
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        {selectedId ? (
          <DivisionDetailPanel
            id={selectedId}
            scopeDivisionId={me?.divisionId ?? null}
            onSelect={select}
            onAddChild={(division: DivisionDetail) => setFormTarget({ mode: 'create', parent: division })}
            onEdit={(division: DivisionDetail) => setFormTarget({ mode: 'edit', division })}
          />
        ) : (
          <Card>
            <Empty description={t('divisions.selectHint')} />
          </Card>
        )}
      </Col>
      <DivisionFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={(result) => void afterSave(result)} />
    </Row>
  );
}
