import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { rightsKeys, type AccessQuestion } from './rights-keys';

const accessQuery = (question: AccessQuestion) =>
  queryOptions({
    queryKey: rightsKeys.access(question),
    queryFn: () => {
      const { username, ...query } = question;
      return dataOf(client.GET('/api/users/{username}/access', { params: { path: { username }, query } }));
    },
    staleTime: 0,
  });

/** The answer to a question once it is asked (null until then). */
export const useUserAccess = (question: AccessQuestion | null) =>
  useQuery({ ...accessQuery(question ?? { username: '', engine: '', role: 'viewer' }), enabled: question !== null });
