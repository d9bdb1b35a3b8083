#ifndef SUFFICIENCY_CGSL_SHIM_H
#define SUFFICIENCY_CGSL_SHIM_H

// GSL's small generator functions (gsl_rng_uniform_pos and the like) as its own inline
// definitions, so a draw does not pay a call into the library before the generator's.
#define HAVE_INLINE 1

#include <gsl/gsl_version.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_rstat.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multimin.h>

// Swift 6 refuses to read mutable C globals from concurrent code, so the
// generator types and version string GSL exports as globals are reached
// through these accessors instead.

/// The Mersenne Twister generator type (gsl_rng_mt19937).
static inline const gsl_rng_type *sufficiency_rng_mt19937(void) { return gsl_rng_mt19937; }

/// The Sobol quasi-random generator type (gsl_qrng_sobol).
static inline const gsl_qrng_type *sufficiency_qrng_sobol(void) { return gsl_qrng_sobol; }

/// The Nelder–Mead simplex minimiser type (gsl_multimin_fminimizer_nmsimplex2).
static inline const gsl_multimin_fminimizer_type *sufficiency_multimin_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }

/// GSL's version string, as the library linked at run time reports it.
static inline const char *sufficiency_gsl_version(void) { return gsl_version; }

#endif
