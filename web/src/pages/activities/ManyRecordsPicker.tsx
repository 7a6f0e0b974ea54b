import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listOrganisations } from '../../api/organisations.ts';
import { listPeople } from '../../api/people.ts';

interface Named {
  id: number;
  name: string;
}

interface Props {
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Names of the records already chosen (an edited record's), so they show as names. */
  initialNames?: Named[];
  'data-testid'?: string;
}

/** Several records of one list, found by typing part of a name (the server searches the user's subtree). */
function ManyRecordsPicker({ kind, search, value, onChange, initialNames, ...rest }: Props & { kind: string; search: (text: string) => Promise<Named[]> }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState<Map<number, string>>(() => new Map((initialNames ?? []).map((one) => [one.id, one.name])));
  useEffect(() => {
    const timer = setTimeout(() => setText(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useQuery({
    queryKey: [kind, 'picker', text],
    queryFn: () => search(text),
    enabled: open,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const found = data ?? [];
  const chosen = (value ?? []).filter((id) => !found.some((one) => one.id === id)).map((id) => ({ id, name: names.get(id) ?? `#${id}` }));
  return (
    <Select<number[]>
      {...rest}
      mode="multiple"
      allowClear
      value={value ?? []}
      placeholder={t('registry.common.typeToSearch')}
      loading={isFetching}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onChange={(next) => {
        const known = new Map(names);
        for (const one of found) known.set(one.id, one.name);
        setNames(known);
        onChange?.(next);
      }}
      notFoundContent={isFetching ? t('common.loading') : t('common.empty')}
      options={[...chosen, ...found].map((one) => ({ value: one.id, label: one.name }))}
    />
  );
}

async function searchOrganisations(text: string) {
  return (await listOrganisations({ q: text || undefined, page: 1, pageSize: 20 })).items.map((one) => ({ id: one.id, name: one.name }));
}

async function searchPeople(text: string) {
  return (await listPeople({ q: text || undefined, page: 1, pageSize: 20 })).items.map((one) => ({ id: one.id, name: one.organisationName ? `${one.name}（${one.organisationName}）` : one.name }));
}

/** Several organisations (the organisers of an activity). */
export function OrganisationsPicker(props: Props) {
  return <ManyRecordsPicker kind="organisations" search={searchOrganisations} {...props} />;
}

/** Several people (the attendees of a meeting or visit). */
export function PeoplePicker(props: Props) {
  return <ManyRecordsPicker kind="people" search={searchPeople} {...props} />;
}
