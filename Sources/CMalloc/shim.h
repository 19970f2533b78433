#ifndef DEEPDIFF_CMALLOC_SHIM_H
#define DEEPDIFF_CMALLOC_SHIM_H
// glibc's malloc tuning (mallopt), which the Glibc module does not bring in.
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
