#ifndef PODIUM_CLIBXML2_SHIM_H
#define PODIUM_CLIBXML2_SHIM_H

// libxml2's headers pull in the system ICU headers when libxml2 was built with ICU; Foundation ships its own
// ICU module with the same type names, and a module that imports both fails to compile. Podium never touches
// the ICU-only fields (the tail of xmlCharEncodingHandler, used through pointers only), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

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
/// Ignore `<meta charset>` inside the page: the caller has already chosen the encoding.
static const int CLIBXML2_HTML_IGNORE_ENC = HTML_PARSE_IGNORE_ENC;
/// Lift the 10 MB limit on one text node (huge pages are data, not an attack on a local tool).
static const int CLIBXML2_PARSE_HUGE = XML_PARSE_HUGE;

/// Node types as plain ints.
static const int CLIBXML2_ELEMENT_NODE = XML_ELEMENT_NODE;
static const int CLIBXML2_TEXT_NODE = XML_TEXT_NODE;
static const int CLIBXML2_CDATA_NODE = XML_CDATA_SECTION_NODE;

/// Swallows libxml2's variadic generic-error messages (Swift cannot write a C variadic callback).
static inline void clibxml2_discard_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
/// Swallows libxml2's structured errors.
static inline void clibxml2_discard_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

/// Silences libxml2's error output on the calling thread and on threads created later.
/// libxml2 keeps these handlers per thread, so every parsing thread calls this before it parses.
static inline void clibxml2_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, clibxml2_discard_generic);
    xmlSetStructuredErrorFunc(NULL, clibxml2_discard_structured);
    xmlThrDefSetGenericErrorFunc(NULL, clibxml2_discard_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, clibxml2_discard_structured);
}

#endif
