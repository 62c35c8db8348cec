// Stage dumps: the values between stages as JSON, and lines read back from it. Indented,
// one value per line where it helps a diff; coordinates rounded like the record's, except in
// the lines dump, which is read back.
#include "kreport/stage_json.h"

#include <stdexcept>

#include "json_parts.h"

namespace kreport {
namespace {

using record_json::bbox;
using ojson = record_json::json;  // ordered: a dump lists keys as written

Bbox bbox_from(const ojson& j) {
  return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>(),
          j.at(3).get<double>()};
}

Origin origin_from(const std::string& name) {
  if (name == "actual_text") return Origin::actual_text;
  if (name == "ocr") return Origin::ocr;
  return Origin::text;
}

// The lines dump is read back to run the next steps on it (a page that goes wrong becomes a
// test), so its coordinates are exact: one rounded to 0.1 pt moved a column's extent across a
// threshold on a fixture page (tests/unit/stage_dump_test.cc).
ojson exact(const Bbox& b) {
  return ojson::array({b.x0, b.y0, b.x1, b.y1});
}

ojson boxes_json(const std::vector<Bbox>& boxes) {
  ojson out = ojson::array();
  for (const Bbox& b : boxes) out.push_back(exact(b));
  return out;
}

ojson drawing_json(const Drawing& d) {
  ojson boxes = ojson::array();
  for (const DrawnBox& b : d.boxes)
    boxes.push_back({{"bbox", exact(b.bbox)}, {"filled", b.filled}, {"lightness", b.lightness}});
  return {{"rules", boxes_json(d.rules)},
          {"boxes", boxes},
          {"images", boxes_json(d.images)},
          {"paths", boxes_json(d.paths)},
          {"dropped", d.dropped}};
}

std::vector<Bbox> boxes_from(const ojson& j) {
  std::vector<Bbox> out;
  for (const ojson& b : j) out.push_back(bbox_from(b));
  return out;
}

Drawing drawing_from(const ojson& j) {
  Drawing d;
  d.rules = boxes_from(j.value("rules", ojson::array()));
  for (const ojson& b : j.value("boxes", ojson::array()))
    d.boxes.push_back(
        {bbox_from(b.at("bbox")), b.value("filled", false), b.value("lightness", 0.0)});
  d.images = boxes_from(j.value("images", ojson::array()));
  d.paths = boxes_from(j.value("paths", ojson::array()));
  d.dropped = j.value("dropped", 0L);
  return d;
}

}  // namespace

std::string lines_json(const std::vector<PageLines>& pages) {
  ojson out = {{"pages", ojson::array()}};
  for (const PageLines& p : pages) {
    ojson lines = ojson::array();
    for (const Line& l : p.lines) {
      ojson spans = ojson::array();
      for (const Span& s : l.spans)
        spans.push_back({{"text", s.text},
                         {"bbox", exact(s.bbox)},
                         {"space_after", s.space_after},
                         {"space_before", s.space_before},
                         {"space_drawn_after", s.space_drawn_after}});
      lines.push_back({{"text", l.text},
                       {"bbox", exact(l.bbox)},
                       {"size", l.size},
                       {"font", l.font},
                       {"running", l.running},
                       {"origin", origin_name(l.origin)},
                       {"spans", spans}});
    }
    out["pages"].push_back({{"number", p.number},
                            {"width", p.width},
                            {"height", p.height},
                            {"lines", lines},
                            {"drawing", drawing_json(p.drawing)}});
  }
  return out.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::vector<PageLines> lines_from_json(const std::string& text) {
  std::vector<PageLines> pages;
  try {
    ojson in = ojson::parse(text);
    for (const ojson& p : in.at("pages")) {
      PageLines page{
          p.at("number").get<int>(), p.at("width").get<double>(), p.at("height").get<double>(), {}};
      for (const ojson& l : p.at("lines")) {
        Line line;
        line.text = l.at("text").get<std::string>();
        line.bbox = bbox_from(l.at("bbox"));
        line.size = l.at("size").get<double>();
        line.font = l.value("font", "");
        line.running = l.value("running", false);
        line.origin = origin_from(l.value("origin", "text"));
        for (const ojson& s : l.value("spans", ojson::array()))
          line.spans.push_back({s.at("text").get<std::string>(), bbox_from(s.at("bbox")),
                                s.value("space_after", false), s.value("space_before", false),
                                s.value("space_drawn_after", false)});
        page.lines.push_back(std::move(line));
      }
      page.drawing = drawing_from(p.value("drawing", ojson::object()));
      pages.push_back(std::move(page));
    }
  } catch (const ojson::exception& e) {
    throw std::runtime_error(std::string("not a lines dump: ") + e.what());
  }
  return pages;
}

std::string regions_json(const std::vector<PageRegions>& pages) {
  ojson out = {{"pages", ojson::array()}};
  for (const PageRegions& p : pages) {
    ojson regions = ojson::array();
    for (const Region& r : p.regions)
      regions.push_back({{"kind", std::string(region_name(r.kind))}, {"bbox", bbox(r.bbox)}});
    ojson figures = ojson::array();
    for (const FigureArea& f : p.figures)
      figures.push_back({{"area", bbox(f.area)},
                         {"caption", f.caption ? bbox(*f.caption) : ojson(nullptr)},
                         {"source", bbox(f.source)},
                         {"chart", f.chart}});
    out["pages"].push_back({{"number", p.number},
                            {"regions", regions},
                            {"line_region", p.line_region},
                            {"figures", figures}});
  }
  return out.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string tables_json(const TableSet& tables) {
  ojson out = {{"tables", ojson::array()}, {"placed", ojson::array()}};
  for (const Table& t : tables.tables) out["tables"].push_back(record_json::table_json(t));
  for (const auto& page : tables.placed) {
    ojson placed = ojson::array();
    for (const PlacedTable& p : page) placed.push_back({{"id", p.id}, {"lines", p.lines}});
    out["placed"].push_back(placed);
  }
  return out.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string blocks_json(const std::vector<PageBlocks>& pages) {
  ojson out = {{"pages", ojson::array()}};
  for (const PageBlocks& p : pages) {
    ojson blocks = ojson::array();
    for (const TextBlock& b : p.blocks)
      blocks.push_back({{"type", b.type},
                        {"bullet", b.bullet},
                        {"text", b.text},
                        {"bbox", bbox(b.bbox)},
                        {"size", record_json::number(b.size)},
                        {"origin", origin_name(b.origin)},
                        {"region", std::string(region_name(b.region))}});
    out["pages"].push_back({{"number", p.number}, {"blocks", blocks}});
  }
  return out.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace kreport
