#ifndef DEEPDIFF_CLIBCRYPTO_SHIM_H
#define DEEPDIFF_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/sha.h>
#endif
