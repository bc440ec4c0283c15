import { useEffect, useState } from 'react';
import * as api from '../../api/endpoints.js';

/**
 * List rows carry ids; these show the job's title or the freelancer's name instead, each
 * fetched once per page load and shared by every row that needs it.
 */
const cache = new Map<string, Promise<string>>();

function useName(key: string, load: () => Promise<string>, fallback: string): string {
  const [name, setName] = useState(fallback);
  useEffect(() => {
    let current = true;
    if (!cache.has(key)) cache.set(key, load().catch(() => fallback));
    void cache.get(key)!.then((found) => current && setName(found));
    return () => {
      current = false;
    };
    // The key names what is loaded; `load` and `fallback` follow from it.
  }, [key]);
  return name;
}

export function JobTitle({ jobId }: { jobId: string }) {
  return <>{useName(`job:${jobId}`, async () => (await api.jobs.get(jobId)).title, 'a job')}</>;
}

export function FreelancerName({ freelancerId }: { freelancerId: string }) {
  return <>{useName(`freelancer:${freelancerId}`, async () => (await api.freelancers.profile(freelancerId)).displayName, 'a freelancer')}</>;
}
