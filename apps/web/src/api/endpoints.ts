import type * as C from './contract.js';
import { request } from './http.js';

/** One function per REST operation the web app uses; paths and shapes follow DESIGN.md §4. */

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);

export const accounts = {
  create: (body: C.CreateAccount) => post<C.Account>('/v1/accounts', body),
};

export const connects = {
  statement: () => get<C.ConnectsStatement>('/v1/connects'),
  purchase: (body: C.Purchase) => post<C.Purchased>('/v1/connects/purchases', body),
};

export const jobs = {
  browse: () => get<C.JobList>('/v1/jobs?status=open'),
  mine: (status: C.JobStatus) => get<C.JobList>(`/v1/jobs?mine=true&status=${status}`),
  get: (id: string) => get<C.Job>(`/v1/jobs/${id}`),
  create: (body: C.CreateJob) => post<C.Job>('/v1/jobs', body),
  cancel: (id: string) => post<C.Job>(`/v1/jobs/${id}/cancel`),
  proposals: (id: string, tab: C.ClientTab) => get<C.ProposalPage>(`/v1/jobs/${id}/proposals?tab=${tab}`),
  apply: (id: string) => post<C.Proposal>(`/v1/jobs/${id}/proposals`),
  invite: (id: string, body: C.Invite) => post<C.Invitation>(`/v1/jobs/${id}/invitations`, body),
};

export const proposals = {
  mine: (tab: C.FreelancerTab) => get<C.ProposalPage>(`/v1/proposals?tab=${tab}`),
  get: (id: string) => get<C.Proposal>(`/v1/proposals/${id}`),
  submit: (id: string, body: C.Submit) => post<C.Proposal>(`/v1/proposals/${id}/submit`, body),
  withdraw: (id: string, body: C.Reason) => post<C.Proposal>(`/v1/proposals/${id}/withdraw`, body),
  view: (id: string) => post<C.Proposal>(`/v1/proposals/${id}/view`),
  shortlist: (id: string, value: boolean) => post<C.Proposal>(`/v1/proposals/${id}/shortlist`, { value }),
  archive: (id: string, value: boolean) => post<C.Proposal>(`/v1/proposals/${id}/archive`, { value }),
  decline: (id: string, body: C.Reason) => post<C.Proposal>(`/v1/proposals/${id}/decline`, body),
  offer: (id: string, body: C.OfferBody) => post<C.Offer>(`/v1/proposals/${id}/offer`, body),
  call: (id: string) => post<C.Call>(`/v1/proposals/${id}/calls`),
};

export const interviews = {
  start: (proposalId: string) => post<C.InterviewSession>(`/v1/proposals/${proposalId}/interview/start`),
  answer: (proposalId: string, body: C.Answer) => post<C.InterviewSession>(`/v1/proposals/${proposalId}/interview/answers`, body),
  complete: (proposalId: string) => post<C.InterviewSession>(`/v1/proposals/${proposalId}/interview/complete`),
  get: (proposalId: string) => get<C.Interview>(`/v1/proposals/${proposalId}/interview`),
};

export const messages = {
  list: (proposalId: string) => get<C.MessagePage>(`/v1/proposals/${proposalId}/messages?limit=100`),
  post: (proposalId: string, body: C.PostMessage) => post<C.Message>(`/v1/proposals/${proposalId}/messages`, body),
  markRead: (proposalId: string) => post<unknown>(`/v1/proposals/${proposalId}/messages/read`, {}),
  flag: (messageId: string, reason: string) => post<unknown>(`/v1/messages/${messageId}/flag`, { reason }),
};

export const offers = {
  modify: (id: string, body: C.OfferBody) => patch<C.Offer>(`/v1/offers/${id}`, body),
  withdraw: (id: string) => post<C.Offer>(`/v1/offers/${id}/withdraw`),
  accept: (id: string) => post<C.OfferAccepted>(`/v1/offers/${id}/accept`),
  decline: (id: string, reason?: string) => post<unknown>(`/v1/offers/${id}/decline`, reason ? { reason } : {}),
  requestChanges: (id: string, body: C.RequestChanges) => post<C.Offer>(`/v1/offers/${id}/request-changes`, body),
};

export const invitations = {
  mine: (tab: C.FreelancerInvitationTab) => get<C.InvitationPage>(`/v1/invitations?tab=${tab}`),
  sent: (jobId: string) => get<C.InvitationPage>(`/v1/invitations?tab=sent&jobId=${jobId}`),
  accept: (id: string) => post<C.InvitationAccepted>(`/v1/invitations/${id}/accept`),
  decline: (id: string, body: C.DeclineInvitation) => post<C.Invitation>(`/v1/invitations/${id}/decline`, body),
  archive: (id: string) => post<C.Invitation>(`/v1/invitations/${id}/archive`),
  withdraw: (id: string) => post<C.Invitation>(`/v1/invitations/${id}/withdraw`),
};

export const freelancers = {
  profile: (id: string) => get<C.FreelancerProfile>(`/v1/freelancers/${id}`),
};
