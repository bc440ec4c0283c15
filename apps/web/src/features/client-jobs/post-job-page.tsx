import { useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { CreateJob } from '../../api/contract.js';
import { navigate } from '../../routing/router.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { Checkbox, TextArea, TextField } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { useAction } from '../../ui/use-action.js';
import { QuestionsEditor } from './questions-editor.js';

const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** A job post: what it costs freelancers to apply, and optionally the instant interview's questions. */
export function PostJobPage() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [skills, setSkills] = useState('');
  const [connectsCost, setConnectsCost] = useState('2');
  const [openings, setOpenings] = useState('1');
  const [interview, setInterview] = useState(true);
  const [questions, setQuestions] = useState<string[]>(['']);

  const post = useAction(async () => {
    const body: CreateJob = {
      title,
      description,
      skills: splitList(skills),
      connectsCost: Number(connectsCost),
      openings: Number(openings),
      ...(interview ? { interview: { questions: questions.map((q) => q.trim()).filter(Boolean) } } : {}),
    };
    const job = await api.jobs.create(body);
    navigate(`/client/jobs/${job.id}`);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void post.run();
  };
  return (
    <Page title="Post a job">
      <form className="card" onSubmit={submit}>
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} />
        <TextArea label="Description" value={description} onChange={(e) => setDescription(e.target.value)} required rows={6} maxLength={20000} />
        <TextField label="Skills" hint="Separated by commas; the interview evaluation checks answers against them." value={skills} onChange={(e) => setSkills(e.target.value)} />
        <div className="row">
          <TextField label="Connects to apply" type="number" min={0} max={100} step={1} value={connectsCost} onChange={(e) => setConnectsCost(e.target.value)} required />
          <TextField label="Openings" type="number" min={1} max={100} step={1} value={openings} onChange={(e) => setOpenings(e.target.value)} required />
        </div>
        <Checkbox label="Require an instant interview" checked={interview} onChange={(e) => setInterview(e.target.checked)} />
        {interview && <QuestionsEditor questions={questions} onChange={setQuestions} />}
        <ErrorNotice error={post.error} />
        <button type="submit" className="primary" disabled={post.busy}>
          {post.busy ? 'Posting…' : 'Post job'}
        </button>
      </form>
    </Page>
  );
}
