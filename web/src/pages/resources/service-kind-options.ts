import { useQuery } from '@tanstack/react-query';
import { listServiceKinds, serviceKindKeys } from '../../api/resources.ts';

/** The service kinds in use, in their managed order, as select options. */
export function useServiceKindOptions() {
  const { data, isPending } = useQuery({ queryKey: serviceKindKeys.list('false'), queryFn: () => listServiceKinds('false'), staleTime: 60_000 });
  return { options: (data ?? []).map((kind) => ({ value: kind.id, label: kind.name })), loading: isPending };
}
