// The system's expat, the streaming XML parser the .xlsx reader feeds sheet XML through in pieces.
#ifndef CEXPAT_SHIM_H
#define CEXPAT_SHIM_H
#include <expat.h>
#endif
