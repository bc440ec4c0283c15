/**
 * Interview rooms are named after their workflow, so a retried activity asks for the same
 * room and a provider's webhook leads straight back to the workflow. Slashes become
 * underscores because room names travel in URL paths; workflow ids hold no underscores
 * (UUIDs, words and hyphens), so the mapping reverses exactly.
 */

const PREFIX = 'interview_';

export function interviewRoomName(interviewWorkflowId: string): string {
  return interviewWorkflowId.replaceAll('/', '_');
}

/** The interview workflow a room belongs to, or null for rooms that are not interviews (calls). */
export function interviewWorkflowIdOfRoom(roomName: string): string | null {
  if (!roomName.startsWith(PREFIX) || !/^[\w-]+$/.test(roomName)) return null;
  return roomName.replaceAll('_', '/');
}
