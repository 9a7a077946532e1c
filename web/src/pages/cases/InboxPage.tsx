import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager, usePaging } from '../../components/Paging';
import { useInbox } from './caseApi';
import { CaseTable } from './CaseTable';

/** A vendor's inbox: the cases its organisation is invited to, newest first. */
export function InboxPage() {
  const paging = usePaging(50);
  const inbox = useInbox({ limit: paging.limit, offset: paging.offset });
  return (
    <>
      <PageHeader
        title="Vendor inbox"
        description="Cases your organisation is invited to. Open one to state, per vulnerability, whether your products are affected."
      />
      <ListState query={inbox} empty="No invitations.">
        {(page) => (
          <>
            <CaseTable label="Invitations" cases={page.items.map((i) => i.case)} />
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="invitations" />
          </>
        )}
      </ListState>
    </>
  );
}
