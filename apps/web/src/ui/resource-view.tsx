import type { ReactNode } from 'react';
import { ErrorNotice, Loading } from './error-notice.js';
import type { Resource } from './use-resource.js';

/** The three states of anything loaded: loading, failed (with a retry), shown. */
export function ResourceView<T>({ resource, what, children }: { resource: Resource<T>; what: string; children: (data: T) => ReactNode }) {
  if (resource.data !== undefined) {
    return (
      <>
        {resource.error !== undefined && <ErrorNotice error={resource.error} />}
        {children(resource.data)}
      </>
    );
  }
  if (resource.error !== undefined) {
    return (
      <div>
        <ErrorNotice error={resource.error} />
        <button type="button" onClick={resource.reload}>
          Try loading {what} again
        </button>
      </div>
    );
  }
  return <Loading what={what} />;
}
