// The system's libxlsxwriter, which writes .xlsx exports (in constant-memory mode, row by row).
#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
