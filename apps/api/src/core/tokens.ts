/** DI tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The video port (Twilio or local), chosen by configuration. */
export const VIDEO_PROVIDER = Symbol('VIDEO_PROVIDER');
/** The interview evaluator port (OpenAI-compatible or local), chosen by configuration. */
export const INTERVIEW_EVALUATOR = Symbol('INTERVIEW_EVALUATOR');
