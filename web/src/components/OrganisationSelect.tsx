import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useOrganisation, useOrganisations } from '../api/organisations';

type OrganisationSelectProps = Omit<SelectProps, 'data' | 'onChange' | 'value' | 'searchable' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Leave one organisation out (an organisation cannot be its own parent). */
  exclude?: string;
};

/** Picks an organisation by name, searching the server as the user types (there may be thousands). */
export function OrganisationSelect({ value, onChange, exclude, ...props }: OrganisationSelectProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useOrganisations({ q, limit: 20, offset: 0 });
  const selected = useOrganisation(value);

  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (selected.data) options.set(selected.data.id, selected.data.name);
    for (const org of found.data?.items ?? []) options.set(org.id, org.name);
    if (exclude) options.delete(exclude);
    return [...options].map(([id, name]) => ({ value: id, label: name }));
  }, [found.data, selected.data, exclude]);

  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      searchable
      onSearchChange={setSearch}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No organisation found'}
      // The server already filtered by name; keep every option it sent.
      filter={({ options }) => options}
    />
  );
}
