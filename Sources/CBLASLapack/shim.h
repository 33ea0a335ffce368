// Not public API: the C surface of OpenBLAS (CBLAS) and LAPACKE that the
// LinearAlgebra module wraps. Providers: Debian/Ubuntu libopenblas-dev and
// liblapacke-dev. Swift does not import the `lapack_int` macro, hence the typedef.
#ifndef GRDP_CBLAS_LAPACK_SHIM_H
#define GRDP_CBLAS_LAPACK_SHIM_H

#include <cblas.h>
#include <lapacke.h>

typedef lapack_int LapackInt;

#endif
