import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { adminApi } from '../api/admin-api';
import { type AdminCustomer } from '../api/admin-types';
import { useCursorPages } from '../api/useCursorPages';
import { Link, pathFor } from '../app/router';
import { InputField } from '../components/Field';
import { PageFrame } from '../components/PageFrame';
import { PagedTable } from '../components/PagedTable';
import { formatDate, formatCount } from '../format';
import { strings } from '../strings';

/** Typing pauses this long before the search runs (Enter runs it at once). */
const SEARCH_DELAY_MS = 300;

export function CustomersPage() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const pages = useCursorPages();
  const { restart } = pages;

  useEffect(() => {
    if (text === query) return undefined;
    const timer = setTimeout(() => {
      setQuery(text);
      restart();
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query, restart]);

  const customers = useQuery({
    queryKey: ['admin', 'customers', query.trim(), pages.cursor],
    queryFn: () => adminApi.customers(query, pages.cursor),
    placeholderData: keepPreviousData,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(text);
    restart();
  };

  return (
    <PageFrame title={strings.customers.title}>
      <form role="search" className="admin-search" onSubmit={onSubmit}>
        <InputField
          label={strings.customers.search}
          hint={strings.customers.searchHint}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onText={setText}
        />
      </form>
      <PagedTable<AdminCustomer>
        query={customers}
        pages={pages}
        caption={strings.customers.tableCaption}
        rowKey={(c) => c.id}
        empty={strings.customers.empty}
        columns={[
          {
            header: strings.customers.name,
            cell: (c) => <Link to={pathFor({ page: 'customer', id: c.id })}>{c.name}</Link>,
          },
          { header: strings.customers.email, cell: (c) => c.email ?? strings.common.none },
          {
            header: strings.customers.accounts,
            cell: (c) => formatCount(c.accounts.length),
            numeric: true,
          },
          {
            header: strings.customers.cards,
            cell: (c) => formatCount(c.cards.length),
            numeric: true,
          },
          { header: strings.customers.createdAt, cell: (c) => formatDate(c.createdAt) },
        ]}
      />
    </PageFrame>
  );
}
