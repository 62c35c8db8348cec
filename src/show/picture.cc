// What a page's picture draws, read off the stages' values: the furniture's running lines,
// the regions (and the figures they paired), the tables stage's grids as the record keeps
// them, the record's blocks in reading order with the section each went to, and the lines
// read from /ActualText or by OCR.
#include <algorithm>

#include "kreport/error.h"
#include "kreport/normalize.h"
#include "kreport/regions.h"
#include "kreport/show.h"

namespace kreport {
namespace {

// The start of a text, for a tooltip: whole characters, one line.
std::string start_of(const std::string& text) {
  constexpr size_t kMax = 80;  // bytes: a tooltip names a block, it does not quote it
  size_t cut = std::min(text.size(), kMax);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  std::string s = sanitize_utf8(text.substr(0, cut));
  std::replace(s.begin(), s.end(), '\n', ' ');
  return cut < text.size() ? s + "..." : s;
}

// The kind's name as mark_styles spells it (the string_view every Mark points into); a
// block type the picture has no colour for yet is drawn as "block".
std::string_view kind_named(std::string_view name) {
  for (const MarkStyle& s : mark_styles())
    if (s.kind == name) return s.kind;
  return kind_named("block");
}

void add_regions(const PageRegions& regions, Picture& out) {
  for (const Region& r : regions.regions) {
    std::string_view name = region_name(r.kind);
    out.marks.push_back({kind_named(name), r.bbox, "", std::string(name)});
  }
  for (const FigureArea& f : regions.figures) {
    std::string what = f.chart ? "figure area (chart)" : "figure area";
    out.marks.push_back({kind_named("figure_area"), f.area, "", what});
    // caption -> area -> source: the pairing the regions step made.
    if (f.caption)
      out.links.push_back({kind_named("figure_link"), f.caption->center_x(), f.caption->center_y(),
                           f.area.center_x(), f.area.center_y()});
    out.links.push_back({kind_named("figure_link"), f.area.center_x(), f.area.center_y(),
                         f.source.center_x(), f.source.center_y()});
  }
}

void add_lines(const PageLines& lines, Picture& out) {
  for (const Line& l : lines.lines) {
    if (l.running)
      out.marks.push_back({kind_named("running"), l.bbox, "", "running line: " + start_of(l.text)});
    if (l.origin == Origin::text) continue;
    // A line's origin is that of most of its characters; its words are outlined.
    std::string_view kind = kind_named(origin_name(l.origin));
    if (l.spans.empty())
      out.marks.push_back({kind, l.bbox, "", std::string(kind) + ": " + start_of(l.text)});
    for (const Span& s : l.spans)
      out.marks.push_back({kind, s.bbox, "", std::string(kind) + ": " + start_of(s.text)});
  }
}

void add_tables(const std::vector<Table>& tables, int page, Picture& out) {
  for (const Table& t : tables) {
    std::optional<Bbox> here;  // the table on this page: its cells' union (a continued table)
    if (t.page == page) here = t.bbox;
    std::vector<Bbox> cells;
    for (const auto& row : t.boxes)
      for (const std::optional<CellBox>& c : row)
        if (c && c->page == page) {
          cells.push_back(c->bbox);
          if (t.page != page) here = here ? here->united(c->bbox) : c->bbox;
        }
    if (!here) continue;
    // Unlabelled: its table_ref block, at the same corner, names it.
    out.marks.push_back(
        {kind_named("table"), *here, "",
         "table " + t.id + " " + t.kind + (t.title ? ": " + start_of(*t.title) : "")});
    for (const Bbox& c : cells) out.marks.push_back({kind_named("cell"), c, "", ""});
  }
}

// The record's blocks of the page in reading order (the sections keep the blocks' order),
// each numbered and named by its section; a figure's caption also by the figure's id.
void add_blocks(const Report& report, int page, Picture& out) {
  int n = 0;
  for (const Section& s : report.sections)
    for (const Block& b : s.blocks) {
      if (b.page != page) continue;
      std::string label = std::to_string(++n) + " " + s.kind;
      for (const Figure& f : report.figures)
        if (b.type == "caption" && f.page == page && f.caption == b.text) label += " " + f.id;
      std::string text = start_of(b.text);
      for (const Table& t : report.tables)
        if (b.table && t.id == *b.table) label += " " + t.id + " " + t.kind, text = "";
      out.marks.push_back(
          {kind_named(b.type), b.bbox, label,
           label + " (" + s.id + ") " + b.type + (text.empty() ? "" : ": ") + text});
    }
}

}  // namespace

const std::vector<MarkStyle>& mark_styles() {
  static const std::vector<MarkStyle> styles = {
      {"column", "regions", "column of the body", 0x6baed6, 2.0, false, 0.0},
      {"sidebar", "regions", "sidebar", 0xfd8d3c, 2.0, false, 0.08},
      {"box", "regions", "box (a lead set apart)", 0x9e9ac8, 2.0, false, 0.08},
      {"banner", "regions", "banner above the body", 0xa1887f, 2.0, false, 0.08},
      {"figure", "regions", "figure (a chart's area)", 0x74c476, 2.0, false, 0.08},
      {"figure_area", "regions", "figure's area, caption to source", 0x238b45, 0.8, true, 0.0},
      {"table", "tables", "table", 0xd62728, 1.5, false, 0.0},
      {"cell", "tables", "table cell", 0xff9896, 0.5, false, 0.0},
      {"running", "furniture", "running line", 0x7f7f7f, 1.0, true, 0.15},
      {"actual_text", "load", "words from /ActualText", 0x00a0e0, 0.8, true, 0.0},
      {"ocr", "load", "words read by OCR", 0xe000e0, 0.8, true, 0.0},
      {"heading", "blocks", "heading block", 0x7b3294, 1.0, false, 0.0},
      {"paragraph", "blocks", "paragraph block", 0x2166ac, 1.0, false, 0.0},
      {"bullet", "blocks", "bullet block", 0x1b9e9e, 1.0, false, 0.0},
      {"caption", "sections", "caption block", 0x8c8c00, 1.0, false, 0.0},
      {"source", "sections", "source block", 0x8c510a, 1.0, false, 0.0},
      {"note", "sections", "note block", 0xc51b7d, 1.0, false, 0.0},
      {"table_ref", "blocks", "table's place in the text", 0xe6550d, 1.0, false, 0.0},
      {"block", "blocks", "block of another type", 0x000000, 1.0, false, 0.0},
      {"figure_link", "regions", "link: caption - area - source", 0x238b45, 1.0, false, 0.0},
  };
  return styles;
}

int Picture::count(std::string_view kind) const {
  auto n =
      std::count_if(marks.begin(), marks.end(), [&](const Mark& m) { return m.kind == kind; }) +
      std::count_if(links.begin(), links.end(), [&](const Link& l) { return l.kind == kind; });
  return static_cast<int>(n);
}

Picture picture_of(const Report& report, const StageValues& stages, int page) {
  if (page < 1 || static_cast<size_t>(page) > stages.lines.size())
    throw Error(Errc::usage, "no page " + std::to_string(page) + ": the document has " +
                                 std::to_string(stages.lines.size()) + " page(s) read");
  const PageLines& lines = stages.lines[static_cast<size_t>(page - 1)];
  Picture out;
  out.page = page;
  out.width = lines.width;
  out.height = lines.height;
  if (static_cast<size_t>(page) <= stages.regions.size())
    add_regions(stages.regions[static_cast<size_t>(page - 1)], out);
  add_tables(report.tables, page, out);
  add_lines(lines, out);
  add_blocks(report, page, out);
  // Drawn in legend order, each kind over the ones before it; stable within a kind.
  auto rank = [](std::string_view kind) {
    const auto& s = mark_styles();
    return std::find_if(s.begin(), s.end(), [&](const MarkStyle& m) { return m.kind == kind; }) -
           s.begin();
  };
  std::stable_sort(out.marks.begin(), out.marks.end(),
                   [&](const Mark& a, const Mark& b) { return rank(a.kind) < rank(b.kind); });
  return out;
}

}  // namespace kreport
