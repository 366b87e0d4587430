// Copyright 2026 The neardup Authors.
//
// Attribution: the outlets an article credits for its news, with the
// evidence span and byte offsets into the original text.
//
//   std::vector<neardup::Attribution> found =
//       neardup::ExtractAttributions(doc.text);
//   for (const neardup::Attribution& a : found) {
//     // a.outlet == "The Information", a.cue == "according to"
//     std::string_view evidence = doc.text.substr(
//         a.evidence.begin, a.evidence.end - a.evidence.begin);
//   }
//
// Recognised cues: "according to [a report from|sources from|...] X",
// "first reported by X", "as reported by X", "reported by X", "citing X",
// "told X", "X reported", "X first reported", "X reports". X is a span of
// capitalised words ("The Information", "The Wall Street Journal").
// A strong cue ("first reported by", "according to a report from") accepts
// any name; a weak one ("X reported", "told X", plain "according to X")
// accepts only names that look like news outlets (a built-in list of major
// outlets, or a name ending in News, Times, Journal, Post, ...), so
// "Microsoft reported revenue" or "according to Microsoft" credit nobody.
//
// Thread-safe; allocates only its result.

#ifndef NEARDUP_ATTRIBUTION_H_
#define NEARDUP_ATTRIBUTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "neardup/text.h"

namespace neardup {

struct Attribution {
  std::string outlet;      // The name as written, e.g. "The Information".
  std::string outlet_key;  // Comparison key: lower case, no leading "the".
  std::string cue;         // The cue, lower case, e.g. "first reported by".
  ByteSpan evidence;       // Cue and name together, in the original text.
  ByteSpan name;           // Just the outlet name.
  bool strong = false;     // A strong cue (see above).
};

// The attributions of `text` (valid UTF-8), in text order.
std::vector<Attribution> ExtractAttributions(std::string_view text);

// The comparison key of an outlet name: "The Wall Street Journal" and
// "Wall Street Journal" both give "wall street journal".
std::string OutletKey(std::string_view outlet);

}  // namespace neardup

#endif  // NEARDUP_ATTRIBUTION_H_
