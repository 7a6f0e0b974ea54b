import { useEffect, useState, type CSSProperties } from 'react';
import { Input } from 'antd';

interface Props {
  value: string | undefined;
  onSearch: (text: string | null) => void;
  placeholder: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** A search box for a filter bar: searches on Enter or the button; clearing shows everything again. */
export function SearchBox({ value, onSearch, placeholder, style, ...rest }: Props) {
  const [typed, setTyped] = useState(value ?? '');
  useEffect(() => setTyped(value ?? ''), [value]);
  return (
    <Input.Search
      {...rest}
      allowClear
      placeholder={placeholder}
      value={typed}
      onChange={(event) => {
        setTyped(event.target.value);
        if (event.target.value === '') onSearch(null);
      }}
      onSearch={(text) => onSearch(text.trim() || null)}
      style={style ?? { width: 240 }}
    />
  );
}
