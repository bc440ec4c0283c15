import type { Job } from '../../api/contract.js';

/** What a freelancer weighs before applying: the Connects it costs and whether an instant interview comes first. */
export function JobFacts({ job }: { job: Job }) {
  return (
    <ul className="facts">
      <li>
        <strong>{job.connectsCost}</strong> {job.connectsCost === 1 ? 'Connect' : 'Connects'} to submit
      </li>
      {job.interviewRequired && <li className="badge interview-required">Instant interview required</li>}
      {job.openings > 1 && <li>{job.openings} openings</li>}
      {job.skills.length > 0 && <li>Skills: {job.skills.join(', ')}</li>}
    </ul>
  );
}
