// The system's libpq, PostgreSQL's own client library: solieu's connection to a live database.
#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
#include <libpq-fe.h>

// Rows arrive in chunks when the installed libpq has chunked mode (PostgreSQL 17), else one at a time, so a
// large result never sits in memory twice (once as libpq's result, once as columns). The macro is only
// visible to C, hence these two small functions.
static inline int clibpq_stream_rows(PGconn *conn, int rows_per_chunk) {
#ifdef LIBPQ_HAS_CHUNK_MODE
    return PQsetChunkedRowsMode(conn, rows_per_chunk);
#else
    (void)rows_per_chunk;
    return PQsetSingleRowMode(conn);
#endif
}

// The error fields solieu reads: libpq defines them as character constants, which Swift does not import.
enum {
    CLIBPQ_DIAG_SQLSTATE = PG_DIAG_SQLSTATE,
    CLIBPQ_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY,
    CLIBPQ_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT,
};

/// Whether `status` is one piece of a streamed result (more pieces follow, then an empty PGRES_TUPLES_OK).
static inline int clibpq_is_partial_result(ExecStatusType status) {
#ifdef LIBPQ_HAS_CHUNK_MODE
    if (status == PGRES_TUPLES_CHUNK) return 1;
#endif
    return status == PGRES_SINGLE_TUPLE;
}
#endif
