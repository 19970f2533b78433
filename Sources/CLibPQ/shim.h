#ifndef DEEPDIFF_CLIBPQ_SHIM_H
#define DEEPDIFF_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
