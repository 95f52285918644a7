import { useQuery } from '@apollo/client/react';
import { TrainingViewerDocument } from '@commons/web-data-access';

/** Whether the viewer runs the programme (writes courses, sees every report), and the communities they manage. */
export function useTrainingViewer() {
  const { data, loading } = useQuery(TrainingViewerDocument, { fetchPolicy: 'cache-first' });
  const role = data?.viewer?.role;
  return {
    loading,
    programmeTeam: role === 'COE' || role === 'ADMIN',
    readsAllReports: role === 'COE' || role === 'ADMIN' || role === 'STEERING',
    managedCommunities: (data?.myCommunities.edges ?? []).map((e) => e.node).filter((c) => c.viewerMembership?.role === 'MANAGER'),
  };
}
