import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Select, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  id: number;
  name: string;
  /** Shown after the name, e.g. the division, so two 华新村 can be told apart. */
  hint?: string;
}

export interface RecordPickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The name of the current value, known from the record being edited. */
  initialLabel?: string | null;
  placeholder?: string;
  /** An id that may not be chosen (the record itself, as its own parent). */
  exclude?: number;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Props extends RecordPickerProps {
  /** Cache key prefix, e.g. `organisations`. */
  kind: string;
  search: (text: string) => Promise<PickerOption[]>;
  /** The name of an id known from elsewhere (a link, the URL), when no `initialLabel` is given. */
  nameOf?: (id: number) => Promise<string>;
}

/**
 * Choose one record by typing part of its name: the server searches (and only answers with records
 * in the user's subtree), a page of 20 at a time.
 */
export function RecordPicker({ kind, search, nameOf, value, onChange, initialLabel, placeholder, exclude, disabled, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
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
  const [chosen, setChosen] = useState<PickerOption | null>(null);
  const needsName = Boolean(value && nameOf && !initialLabel && chosen?.id !== value && !(data ?? []).some((option) => option.id === value));
  const named = useQuery({ queryKey: [kind, 'name', value], queryFn: () => nameOf!(value!), enabled: needsName, staleTime: 60_000 });
  const label = initialLabel ?? named.data ?? null;

  const options = useMemo(() => {
    const found = (data ?? []).filter((option) => option.id !== exclude);
    const current = value ? (found.find((option) => option.id === value) ?? (chosen?.id === value ? chosen : { id: value, name: label ?? `#${value}` })) : null;
    const list = current && !found.some((option) => option.id === current.id) ? [current, ...found] : found;
    return list.map((option) => ({
      value: option.id,
      label: option.name,
      option,
    }));
  }, [data, exclude, value, chosen, label]);

  return (
    <Select<number>
      {...rest}
      allowClear
      disabled={disabled}
      style={style}
      value={value ?? undefined}
      placeholder={placeholder ?? t('registry.common.typeToSearch')}
      loading={isFetching}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onChange={(next, picked) => {
        const one = Array.isArray(picked) ? undefined : picked;
        setChosen(one && 'option' in one ? (one.option as PickerOption) : null);
        onChange?.(next ?? null);
      }}
      notFoundContent={isFetching ? t('common.loading') : t('common.empty')}
      options={options}
      optionRender={(item) => {
        const option = (item.data as { option: PickerOption }).option;
        return (
          <span>
            {option.name}
            {option.hint && <Typography.Text type="secondary"> · {option.hint}</Typography.Text>}
          </span>
        );
      }}
    />
  );
}
