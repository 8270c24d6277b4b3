#ifndef PODIUM_CLIBXML2_SHIM_H
#define PODIUM_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>

/// Swift 6 rejects the global `xmlFree` function-pointer variable; call it through here.
static inline void clibxml2_free(void *p) { xmlFree(p); }

/// Parser options as plain ints, so Swift need not bridge libxml2's enums.
static const int CLIBXML2_HTML_RECOVER = HTML_PARSE_RECOVER;
static const int CLIBXML2_HTML_NOERROR = HTML_PARSE_NOERROR;
static const int CLIBXML2_HTML_NOWARNING = HTML_PARSE_NOWARNING;
static const int CLIBXML2_HTML_NONET = HTML_PARSE_NONET;
static const int CLIBXML2_HTML_NOBLANKS = HTML_PARSE_NOBLANKS;
static const int CLIBXML2_HTML_COMPACT = HTML_PARSE_COMPACT;
static const int CLIBXML2_HTML_NOIMPLIED = HTML_PARSE_NOIMPLIED;

#endif
