import { Button } from '@mantine/core';
import { IconPlus, type Icon } from '@tabler/icons-react';

/** A page's "create something" button. */
export function AddButton({ label, onClick, icon: ButtonIcon = IconPlus }: { label: string; onClick: () => void; icon?: Icon }) {
  return (
    <Button leftSection={<ButtonIcon size={16} aria-hidden />} onClick={onClick}>
      {label}
    </Button>
  );
}
