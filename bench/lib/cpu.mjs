// CPU time spent by this process and by the PostgreSQL backends serving one database, for a figure
// that does not depend on what else the machine runs at the same time (Linux /proc only).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';

const TICKS_PER_SECOND = 100;

function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return null; // gone, or not Linux
  }
}

async function backendPids(db) {
  const rows = await sql`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  return rows.rows.map((r) => r.pid);
}

/** Starts counting; `stop()` returns { nodeMs, postgresMs } spent since (backends that exit meanwhile are not counted). */
export async function cpuMeter(db) {
  const node = process.cpuUsage();
  const before = new Map((await backendPids(db)).map((pid) => [pid, processCpuMs(pid)]));
  return {
    async stop() {
      const used = process.cpuUsage(node);
      let postgresMs = 0;
      for (const pid of new Set([...before.keys(), ...(await backendPids(db))])) {
        const now = processCpuMs(pid);
        if (now !== null) postgresMs += now - (before.get(pid) ?? 0);
      }
      return { nodeMs: (used.user + used.system) / 1000, postgresMs };
    },
  };
}
