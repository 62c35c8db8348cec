// Caption, source and note lines by their opening words. The layout needs them (a source
// line starts a block; figures side by side read one after the other), and so do the
// segment stage (block types) and the table finder (a caption is never a table's row).
#include <algorithm>
#include <regex>

#include "kreport/layout.h"

namespace kreport {
namespace {

// "[그림1] …", "[그림 1] …", "그림 3. …", "표 1. …", "<표 2> …", "Figure 2: …", "Table 1 …"
const std::regex kCaption(
    R"(^(\[\s*(그림|표|차트|Figure|Table|Chart)\s*\d+[-.]?\d*\s*\]|<\s*(그림|표)\s*\d+\s*>|(그림|표|Figure|Table|Chart|Exhibit)\s*\d+[-.]?\d*\s*[.:)]).*)");
const std::regex kSource(R"(^(자료|출처|Source|Sources)\s*[:：].*)", std::regex::icase);
const std::regex kNote(R"(^(주|Note|Notes)\s*[:：)].*)", std::regex::icase);

}  // namespace

LineLabel label_of(std::string_view text) {
  // Every label opens with one of these characters: most lines end the test here.
  static const char* kOpeners[] = {"[",  "<",  "그", "표", "F",  "T", "C", "E",
                                   "자", "출", "S",  "s",  "주", "N", "n"};
  if (std::none_of(std::begin(kOpeners), std::end(kOpeners),
                   [&](const char* o) { return text.starts_with(o); }))
    return LineLabel::none;
  auto matches = [&](const std::regex& re) {
    return std::regex_match(text.begin(), text.end(), re);
  };
  if (matches(kCaption)) return LineLabel::caption;
  if (matches(kSource)) return LineLabel::source;
  if (matches(kNote)) return LineLabel::note;
  return LineLabel::none;
}

}  // namespace kreport
