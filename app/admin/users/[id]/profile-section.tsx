import { useTranslations } from 'next-intl';

import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DateTime } from '@/app/_components/ui/date-time';
import { NONE } from '@/app/_components/ui/none';

import { useLabels } from '../../_components/labels';
import type { UserDetail } from '../../_components/types';

export function ProfileSection({ user }: { user: UserDetail['user'] }) {
  const t = useTranslations('admin.user.profile');
  const yesNo = useTranslations('admin.labels');
  const labels = useLabels();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t('name')}</dt>
          <dd>{user.displayName ?? NONE}</dd>
          <dt className="text-muted-foreground">{t('role')}</dt>
          <dd>
            <Badge tone={user.role === 'admin' ? 'brand' : 'neutral'}>
              {labels.role(user.role)}
            </Badge>
          </dd>
          <dt className="text-muted-foreground">{t('plan')}</dt>
          <dd>{labels.plan(user.plan)}</dd>
          <dt className="text-muted-foreground">{t('emailConfirmed')}</dt>
          <dd>
            {user.emailConfirmed ? (
              <Badge tone="good">{yesNo('yes')}</Badge>
            ) : (
              <Badge tone="warn">{yesNo('no')}</Badge>
            )}
          </dd>
          <dt className="text-muted-foreground">{t('joined')}</dt>
          <dd>
            <DateTime value={user.createdAt} />
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
