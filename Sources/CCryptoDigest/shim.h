// OpenSSL's libcrypto (Debian's libssl-dev): the EVP message-digest interface, for the
// SHA-256 of input files in a report's `meta` block, and its error queue for the reason
// of a failure.
#include <openssl/evp.h>
#include <openssl/err.h>
