import { SectionNav } from '@/app/_components/section-nav';

const LINKS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/organizations', label: 'Organizations' },
  { href: '/admin/system', label: 'System' },
  { href: '/admin/errors', label: 'Errors' },
  { href: '/admin/compliance', label: 'Compliance' },
];

export function AdminNav() {
  return <SectionNav label="Admin" links={LINKS} />;
}
