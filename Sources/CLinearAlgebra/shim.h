#ifndef CIFRA_CLINEARALGEBRA_SHIM_H
#define CIFRA_CLINEARALGEBRA_SHIM_H
/* Debian: cblas.h lives in the OpenBLAS multiarch include dir (pkg-config openblas adds it);
   lapacke.h is in /usr/include (liblapacke-dev). Only the LinearAlgebra module imports this. */
#include <cblas.h>
#include <lapacke.h>
#endif
