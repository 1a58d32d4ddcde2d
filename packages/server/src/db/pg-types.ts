import pg from 'pg';

const INT8_OID = 20;

/**
 * node-postgres type parsers that match what PGlite returns: bigint columns (ticket numbers,
 * durations in ms) come back as JavaScript numbers; timestamptz as Date; bytea as a Buffer.
 */
export function postgresTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
      return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}
