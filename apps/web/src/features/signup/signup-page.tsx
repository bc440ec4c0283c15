import { useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { Role } from '../../api/contract.js';
import { useSession } from '../../session/session-context.js';
import { sessionFromToken } from '../../session/session.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextArea, TextField } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { useAction } from '../../ui/use-action.js';

const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function SignupPage() {
  return (
    <main id="main" className="signup">
      <Page title="Welcome to hireflow">
        <p>Hire freelancers with instant interviews, or find work and apply in minutes.</p>
        <div className="columns">
          <SignupForm />
          <TokenForm />
        </div>
      </Page>
    </main>
  );
}

function SignupForm() {
  const { signIn } = useSession();
  const [role, setRole] = useState<Role>('freelancer');
  const [displayName, setDisplayName] = useState('');
  const [skills, setSkills] = useState('');
  const create = useAction(async () => {
    const account = await api.accounts.create({
      role,
      displayName,
      ...(role === 'freelancer' && splitList(skills).length ? { skills: splitList(skills) } : {}),
    });
    signIn({ token: account.token, accountId: account.id, role, displayName: account.displayName });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="signup-title">
      <h2 id="signup-title">Sign up</h2>
      <fieldset>
        <legend>I want to</legend>
        <label className="choice">
          <input type="radio" name="role" value="freelancer" checked={role === 'freelancer'} onChange={() => setRole('freelancer')} />
          find work (freelancer)
        </label>
        <label className="choice">
          <input type="radio" name="role" value="client" checked={role === 'client'} onChange={() => setRole('client')} />
          hire (client)
        </label>
      </fieldset>
      <TextField label="Display name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={120} autoComplete="name" />
      {role === 'freelancer' && (
        <TextField label="Skills" hint="Separated by commas, e.g. TypeScript, PostgreSQL" value={skills} onChange={(e) => setSkills(e.target.value)} />
      )}
      <ErrorNotice error={create.error} />
      <button type="submit" className="primary" disabled={create.busy}>
        {create.busy ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}

/** For accounts made elsewhere: the token names the account and its role. */
function TokenForm() {
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFromToken(token);
    if (!session) return setProblem('This is not a hireflow client or freelancer token.');
    signIn(session);
    // A freelancer's public profile carries their name; clients have none to read.
    if (session.role === 'freelancer') {
      api.freelancers.profile(session.accountId).then(
        (profile) => signIn({ ...session, displayName: profile.displayName }),
        () => undefined,
      );
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="token-title">
      <h2 id="token-title">Already have an account?</h2>
      <TextArea label="Bearer token" hint="The token you got at sign-up, or from your marketplace's login." value={token} onChange={(e) => setToken(e.target.value)} required rows={3} />
      <ErrorNotice error={problem} />
      <button type="submit">Sign in with token</button>
    </form>
  );
}
