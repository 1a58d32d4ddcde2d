/** Opens many tickets through the API, as a customer would, to load the queue. */

async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const answer = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!answer.ok) throw new Error(`Signing in as ${email} failed: HTTP ${answer.status} ${await answer.text()}`);
  const cookie = answer.headers.get('set-cookie');
  if (!cookie) throw new Error(`Signing in as ${email} set no cookie.`);
  return cookie.split(';')[0]!;
}

/** The id of the signed-in customer's production project. */
async function productionProjectOf(baseUrl: string, cookie: string): Promise<string> {
  const me = (await (await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie } })).json()) as { account_id: string };
  const projects = (await (await fetch(`${baseUrl}/api/v1/accounts/${me.account_id}/projects`, { headers: { cookie } })).json()) as { items: { id: string; production: boolean }[] };
  const production = projects.items.find((p) => p.production);
  if (!production) throw new Error(`The account of the customer has no production project.`);
  return production.id;
}

/** Opens `count` tickets as the customer, `parallel` requests at a time; answers how many were opened. */
export async function openTickets(baseUrl: string, customer: { email: string; password: string }, count: number, parallel = 8): Promise<number> {
  const cookie = await signInCookie(baseUrl, customer.email, customer.password);
  const priorities = ['P2', 'P3'];
  // P2 is for production applications: the tickets are filed for the account's production project.
  const projectId = await productionProjectOf(baseUrl, cookie);
  let next = 0;
  let opened = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const answer = await fetch(`${baseUrl}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: new URL(baseUrl).origin },
        body: JSON.stringify({ subject: `Load ticket ${n + 1}`, description: `Ticket ${n + 1} of ${count}, opened to load the queue.`, priority: priorities[n % 2], project_id: projectId }),
      });
      if (answer.status !== 201) throw new Error(`Opening ticket ${n + 1} failed: HTTP ${answer.status} ${await answer.text()}`);
      opened++;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return opened;
}
