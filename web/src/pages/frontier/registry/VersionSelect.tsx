import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { body, client } from '../../../api/client';
import { registryKey } from './registryApi';

type VersionSelectProps = Omit<SelectProps, 'data' | 'onChange' | 'value' | 'searchable' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Leave one version out (a version is not its own parent). */
  exclude?: string;
};

const label = (v: { modelName: string; version: string }) => `${v.modelName} ${v.version}`;

/**
 * Picks a model version across every model the caller may see, searching the server as the
 * user types (`GET /api/frontier/versions?q=`: part of the model's name or of the version).
 */
export function VersionSelect({ value, onChange, exclude, ...props }: VersionSelectProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  // The chosen option keeps its label when a new search no longer lists it.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery({
    queryKey: [registryKey, 'versions', q],
    queryFn: () => body(client.GET('/api/frontier/versions', { params: { query: { ...(q.trim() ? { q: q.trim() } : {}), limit: 20, offset: 0 } } })),
  });
  // A value given from outside (a form opened from a version's page) is named by the version itself.
  const given = useQuery({
    queryKey: [registryKey, 'version', value],
    queryFn: () => body(client.GET('/api/frontier/versions/{id}', { params: { path: { id: value ?? '' } } })),
    enabled: value !== null && value !== '' && picked?.value !== value,
  });
  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (picked && picked.value === value) options.set(picked.value, picked.label);
    else if (given.data && given.data.id === value) options.set(given.data.id, `${given.data.model.name} ${given.data.version}`);
    for (const v of found.data?.items ?? []) options.set(v.id, label(v));
    if (exclude) options.delete(exclude);
    return [...options].map(([id, text]) => ({ value: id, label: text }));
  }, [found.data, given.data, picked, value, exclude]);

  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(id, option) => {
        setPicked(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchable
      onSearchChange={setSearch}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No version found'}
      // The server already filtered; keep every option it sent.
      filter={({ options }) => options}
    />
  );
}
