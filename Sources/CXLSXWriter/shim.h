#ifndef SUFFICIENCY_CXLSXWRITER_SHIM_H
#define SUFFICIENCY_CXLSXWRITER_SHIM_H

// libxlsxwriter (Debian's libxlsxwriter-dev), which writes the optional results.xlsx.
#include <xlsxwriter.h>

/// libxlsxwriter's version string, as its header gives it, e.g. "1.1.4".
static inline const char *sufficiency_xlsxwriter_version(void) { return LXW_VERSION; }

#endif
