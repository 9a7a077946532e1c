import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { isAdmin, type Session } from '../api/session';
import { shellPages } from '../routes';

function isActive(pathname: string, path: string): boolean {
  if (path === '') return pathname === '/';
  return pathname === `/${path}` || pathname.startsWith(`/${path}/`);
}

/** The navigation, built from the route table; admin pages only for admins. */
export function Navigation({ session }: { session: Session }) {
  const { pathname } = useLocation();
  const admin = isAdmin(session);
  const visible = shellPages.filter((page) => page.nav && (page.access === 'any' || admin));
  const sections = [...new Set(visible.map((page) => page.nav!.section))];

  return (
    <Stack gap="md" component="nav">
      {sections.map((section) => (
        <Stack gap={2} key={section}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm">
            {section}
          </Text>
          {visible
            .filter((page) => page.nav!.section === section)
            .map(({ path, nav }) => {
              const NavIcon = nav!.icon;
              const active = isActive(pathname, path);
              return (
                <NavLink
                  key={path}
                  component={Link}
                  to={`/${path}`}
                  label={nav!.label}
                  leftSection={<NavIcon size={18} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                />
              );
            })}
        </Stack>
      ))}
    </Stack>
  );
}
