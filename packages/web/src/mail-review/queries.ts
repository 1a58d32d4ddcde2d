/** The reads of suspended mail, one list per status filter under `suspendedMailKeys.all`. */
export const suspendedMailKeys = {
  all: ['suspended-mail'] as const,
  list: (status: string) => ['suspended-mail', 'list', status] as const,
};
