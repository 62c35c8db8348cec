// Segmentation. Blocks arrive in reading order with a type from layout (heading, paragraph,
// bullet). Here:
//   - a block opening with a caption pattern ("[그림1]", "그림 3.", "표 1.", "Figure 2")
//     becomes a caption, "자료:" a source, "주:" a note (the marker stays in the text: it is
//     part of what the report prints);
//   - a caption followed on the same page by a source becomes a figure with that source; a
//     source with no caption waiting takes the nearest short title line above it in its
//     column as an unnumbered caption;
//     with several captions waiting (figures side by side), the source goes to the one above
//     it in the same column;
//   - a heading whose words name a kind of section (vocab::section_words) opens a section of
//     that kind; other headings open a body section; text before any heading is body.
#include "kreport/segment.h"
#include "kreport/vocab.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

namespace kreport {
namespace {

const std::regex kCaptionNumber(R"((그림|표|차트|Figure|Table|Chart|Exhibit)\s*\d+(-\d+)?)");

std::string block_type(const TextBlock& b) {
  switch (vocab::label_of(b.text)) {
    case vocab::LineLabel::caption:
      return "caption";
    case vocab::LineLabel::source:
      return "source";
    case vocab::LineLabel::note:
      return "note";
    case vocab::LineLabel::none:
      break;
  }
  return b.type;
}

// One short line that does not end a sentence: what titles a chart ("기존 H20 판매량 전망").
bool is_title_like(const TextBlock& b) {
  constexpr size_t kMaxTitleBytes = 120;  // about 40 Hangul syllables
  return (b.type == "paragraph" || b.type == "heading") && b.text.size() <= kMaxTitleBytes &&
         b.bbox.height() <= 1.8 * b.size && b.text.back() != '.';
}

// The body font size around a block: the size carrying the most text among the page's
// blocks in its column (a sidebar prints smaller than the body beside it).
double body_size(const PageBlocks& page, const TextBlock& in) {
  std::map<double, size_t> chars;
  for (const TextBlock& b : page.blocks)
    if (std::min(b.bbox.x1, in.bbox.x1) > std::max(b.bbox.x0, in.bbox.x0))
      chars[std::round(b.size * 2) / 2] += b.text.size();
  auto most = std::max_element(chars.begin(), chars.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
  return most == chars.end() ? 0 : most->first;
}

bool is_sticky(const std::string& kind) {
  return kind == "compliance" || kind == "disclaimer" || kind == "appendix";
}

}  // namespace

Segments segment(const std::vector<PageBlocks>& pages) {
  Segments out;
  double heading_size = 0;
  auto open = [&](const char* kind, std::optional<std::string> title, int page) {
    Section s;
    s.id = "s" + std::to_string(out.sections.size() + 1);
    s.kind = kind;
    s.title = std::move(title);
    s.first_page = s.last_page = page;
    out.sections.push_back(std::move(s));
  };
  for (const PageBlocks& page : pages) {
    std::vector<size_t> waiting;  // figures on this page whose caption has no source yet
    std::vector<Bbox> captions;   // their boxes, in the same order
    struct Titled {
      size_t section, block;
    };
    std::vector<Titled> titles;  // short lines that may title an unnumbered figure
    for (const TextBlock& b : page.blocks) {
      std::string type = block_type(b);
      if (type == "heading") {
        const char* kind = vocab::section_kind(b.text);
        // Notices and appendices have sub-headings of their own: a plain heading inside one
        // does not end it. Elsewhere a heading as large as the section's own opens a new one.
        const Section* cur = out.sections.empty() ? nullptr : &out.sections.back();
        bool sticky = cur && is_sticky(cur->kind);
        bool same_kind = cur && kind && cur->kind == kind;  // "투자등급 관련사항" in the notice
        if ((kind && !same_kind) || (!kind && !sticky && b.size >= 0.95 * heading_size)) {
          open(kind ? kind : "body", b.text, page.number);
          heading_size = b.size;
        }
      }
      if (out.sections.empty()) open("body", std::nullopt, page.number);
      Section& s = out.sections.back();
      s.last_page = page.number;
      Block block;
      block.type = type;
      if (type == "table_ref")
        block.table = b.text;
      else
        block.text = b.text;
      if (!b.bullet.empty()) block.bullet = b.bullet;
      block.page = page.number;
      block.bbox = b.bbox;
      block.origin = origin_name(b.origin);
      s.blocks.push_back(std::move(block));

      if (type == "caption") {
        Figure f;
        f.id = "f" + std::to_string(out.figures.size() + 1);
        std::smatch m;
        if (std::regex_search(b.text, m, kCaptionNumber)) f.number = m.str(0);
        f.caption = b.text;
        f.page = page.number;
        out.figures.push_back(std::move(f));
        waiting.push_back(out.figures.size() - 1);
        captions.push_back(b.bbox);
      } else if (type == "source" && !waiting.empty()) {
        // Side-by-side figures: the source belongs to the caption above it in its column.
        size_t best = waiting.size() - 1;  // no caption in its column: the latest one
        double best_y = -1;
        for (size_t k = 0; k < waiting.size(); ++k) {
          bool same_column =
              std::min(captions[k].x1, b.bbox.x1) > std::max(captions[k].x0, b.bbox.x0);
          if (same_column && captions[k].y0 <= b.bbox.y0 && captions[k].y0 >= best_y)
            best = k, best_y = captions[k].y0;
        }
        out.figures[waiting[best]].source = vocab::label_body(b.text);
        waiting.erase(waiting.begin() + best);
        captions.erase(captions.begin() + best);
      } else if (type == "source") {
        // No numbered caption: an unnumbered title above the chart in the same column
        // ("백악관, AI Action Plan 공개" … "자료 : WhiteHouse, SK증권") captions it: the
        // nearest one that starts where the source starts (text drawn inside the chart,
        // "AMERICA'S AI ACTION PLAN", is centred in it), else the nearest one.
        std::optional<size_t> best;
        bool best_aligned = false;
        for (size_t k = 0; k < titles.size(); ++k) {
          const Block& t = out.sections[titles[k].section].blocks[titles[k].block];
          bool same_column = std::min(t.bbox.x1, b.bbox.x1) > std::max(t.bbox.x0, b.bbox.x0);
          if (!same_column || t.bbox.y1 > b.bbox.y0) continue;
          bool aligned = std::fabs(t.bbox.x0 - b.bbox.x0) < b.size;
          double y =
              best ? out.sections[titles[*best].section].blocks[titles[*best].block].bbox.y0 : 0;
          if (!best || (aligned && !best_aligned) || (aligned == best_aligned && t.bbox.y0 > y))
            best = k, best_aligned = aligned;
        }
        Figure f;
        f.id = "f" + std::to_string(out.figures.size() + 1);
        f.source = vocab::label_body(b.text);
        f.page = page.number;
        if (best) {
          Block& t = out.sections[titles[*best].section].blocks[titles[*best].block];
          t.type = "caption";
          f.caption = t.text;
          titles.erase(titles.begin() + static_cast<long>(*best));
        }
        out.figures.push_back(std::move(f));
      } else if (type != "note" && is_title_like(b) && b.size >= 0.9 * body_size(page, b)) {
        // A title that may caption a chart: not a "주:" note, nor a chart's own label (smaller).
        titles.push_back({out.sections.size() - 1, s.blocks.size() - 1});
      }
    }
  }
  return out;
}

}  // namespace kreport
