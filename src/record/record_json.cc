// The record writer: the only place nlohmann/json is used in the library. ordered_json keeps
// keys in contract order; numbers that are whole are written without a fraction; boxes are
// rounded to 0.1 pt so that float noise never changes the output bytes.
#include <cmath>
#include <nlohmann/json.hpp>

#include "json_parts.h"
#include "kreport/record.h"

namespace kreport::record_json {

json number(double v) {
  if (!std::isfinite(v)) return nullptr;
  double whole = std::round(v);
  if (whole == v && std::fabs(v) < 9.0e15) return static_cast<long long>(whole);
  return v;
}

json rounded(double v) {
  return number(std::round(v * 10) / 10);
}

json bbox(const Bbox& b) {
  return json::array({rounded(b.x0), rounded(b.y0), rounded(b.x1), rounded(b.y1)});
}

}  // namespace kreport::record_json

namespace kreport {
namespace {

using namespace record_json;

template <typename T>
json opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_same_v<T, double>)
    return number(*v);
  else
    return *v;
}

json money(const std::optional<Money>& m) {
  if (!m) return nullptr;
  json j{{"value", number(m->value)}, {"currency", m->currency}};
  if (m->ocr) j["origin"] = "ocr";  // absent means the PDF's text
  return j;
}

json source(const Source& s) {
  return json{{"path", s.path},
              {"sha256", s.sha256},
              {"bytes", s.bytes},
              {"pages", s.pages},
              {"pdf",
               {{"version", opt(s.pdf.version)},
                {"producer", opt(s.pdf.producer)},
                {"creator", opt(s.pdf.creator)},
                {"title", opt(s.pdf.title)},
                {"created", opt(s.pdf.created)}}}};
}

json document(const DocumentInfo& d) {
  json analysts = json::array();
  for (const Analyst& a : d.analysts)
    analysts.push_back({{"name", opt(a.name)},
                        {"email", opt(a.email)},
                        {"phone", opt(a.phone)},
                        {"team", opt(a.team)},
                        {"role", a.role}});
  json rec = nullptr;
  if (d.recommendation) {
    const Recommendation& r = *d.recommendation;
    rec = {{"ticker", opt(r.ticker)},
           {"market", opt(r.market)},
           {"company", opt(r.company)},
           {"rating", opt(r.rating)},
           {"rating_text", opt(r.rating_text)},
           {"target_price", money(r.target_price)},
           {"current_price", money(r.current_price)},
           {"previous_target", money(r.previous_target)}};
  }
  json broker = nullptr;
  if (d.broker) broker = {{"id", d.broker->id}, {"name", d.broker->name}};
  return json{{"kind", d.kind},
              {"broker", std::move(broker)},
              {"title", opt(d.title)},
              {"series", opt(d.series)},
              {"issue", opt(d.issue)},
              {"published", opt(d.published)},
              {"report_type", opt(d.report_type)},
              {"language", d.language},
              {"analysts", std::move(analysts)},
              {"recommendation", std::move(rec)}};
}

json section(const Section& s) {
  json blocks = json::array();
  for (const Block& b : s.blocks) {
    json j{{"type", b.type}};
    if (b.table)
      j["table"] = *b.table;
    else
      j["text"] = b.text;
    if (b.bullet) j["bullet"] = *b.bullet;
    j["page"] = b.page;
    j["bbox"] = bbox(b.bbox);
    if (b.origin != "text") j["origin"] = b.origin;  // absent means "text"
    blocks.push_back(std::move(j));
  }
  return json{{"id", s.id},
              {"kind", s.kind},
              {"title", opt(s.title)},
              {"pages", {s.first_page, s.last_page}},
              {"blocks", std::move(blocks)}};
}

json cell(const Cell& c) {
  if (const double* d = std::get_if<double>(&c)) return number(*d);
  if (const std::string* s = std::get_if<std::string>(&c)) return *s;
  return nullptr;
}

json table(const Table& t) {
  json columns = json::array(), rows = json::array();
  for (const Column& c : t.columns)
    columns.push_back({{"key", c.key}, {"label", c.label}, {"unit", opt(c.unit)}});
  for (const auto& row : t.rows) {
    json r = json::array();
    for (const Cell& c : row) r.push_back(cell(c));
    rows.push_back(std::move(r));
  }
  json boxes = json::array();
  for (const auto& row : t.boxes) {
    json r = json::array();
    for (const auto& b : row) {
      if (!b) {
        r.push_back(nullptr);
        continue;
      }
      json cell{{"page", b->page}, {"bbox", bbox(b->bbox)}};
      if (b->ocr) cell["origin"] = "ocr";
      r.push_back(std::move(cell));
    }
    boxes.push_back(std::move(r));
  }
  return json{{"id", t.id},
              {"kind", t.kind},
              {"title", opt(t.title)},
              {"page", t.page},
              {"bbox", bbox(t.bbox)},
              {"columns", std::move(columns)},
              {"rows", std::move(rows)},
              {"source", opt(t.source)},
              {"cell_boxes", std::move(boxes)}};
}

json peer(const Peer& p) {
  json returns = json::object();
  for (const auto& [period, value] : p.returns) returns[period] = opt(value);
  json cap = nullptr;
  if (p.market_cap) cap = {{"value", opt(p.market_cap->value)}, {"unit", opt(p.market_cap->unit)}};
  json values = json::array();
  for (const PeerValue& v : p.values)
    values.push_back({{"label", v.label},
                      {"metric", v.metric},
                      {"period", opt(v.period)},
                      {"value", cell(v.value)},
                      {"unit", opt(v.unit)}});
  return json{{"name", opt(p.name)},
              {"ticker", opt(p.ticker)},
              {"market", opt(p.market)},
              {"value_chain", opt(p.value_chain)},
              {"price", opt(p.price)},
              {"market_cap", std::move(cap)},
              {"returns", std::move(returns)},
              {"correlation", opt(p.correlation)},
              {"earnings_date", opt(p.earnings_date)},
              {"comment", opt(p.comment)},
              {"values", std::move(values)},
              {"table", p.table}};
}

json estimate(const Estimate& e) {
  return json{{"metric", e.metric},
              {"label", e.label},
              {"fiscal_year", e.fiscal_year},
              {"fiscal_quarter", opt(e.fiscal_quarter)},
              {"period", e.period},
              {"kind", e.kind},
              {"value", number(e.value)},
              {"previous_value", opt(e.previous_value)},
              {"consensus", opt(e.consensus)},
              {"unit", opt(e.unit)},
              {"scale", opt(e.scale)},
              {"currency", opt(e.currency)},
              {"basis", opt(e.basis)},
              {"fiscal_year_end", opt(e.fiscal_year_end)},
              {"table", e.table.empty() ? json(nullptr) : json(e.table)},
              {"page", e.page}};
}

json compliance(const std::optional<Compliance>& c) {
  if (!c) return nullptr;
  const Statements& s = c->statements;
  json defs = json::array(), history = json::array();
  for (const RatingDefinition& d : c->rating_definitions)
    defs.push_back({{"scope", d.scope}, {"rating", d.rating}, {"rule", d.rule}});
  for (const RatingChange& r : c->rating_history)
    history.push_back({{"date", opt(r.date)},
                       {"rating", opt(r.rating)},
                       {"rating_text", opt(r.rating_text)},
                       {"target_price", opt(r.target_price)},
                       {"gap_avg_pct", opt(r.gap_avg_pct)},
                       {"gap_extreme_pct", opt(r.gap_extreme_pct)},
                       {"note", opt(r.note)}});
  json dist = nullptr;
  if (c->rating_distribution) {
    const RatingDistribution& d = *c->rating_distribution;
    dist = {
        {"as_of", opt(d.as_of)}, {"buy", opt(d.buy)}, {"hold", opt(d.hold)}, {"sell", opt(d.sell)}};
  }
  return json{{"page", c->page},
              {"text", c->text},
              {"statements",
               {{"no_prior_distribution", opt(s.no_prior_distribution)},
                {"analyst_independence", opt(s.analyst_independence)},
                {"holds_1pct_or_more", opt(s.holds_1pct_or_more)},
                {"analyst_conflict", opt(s.analyst_conflict)}}},
              {"rating_definitions", std::move(defs)},
              {"rating_distribution", std::move(dist)},
              {"rating_history", std::move(history)}};
}

template <typename T, typename F>
json list(const std::vector<T>& items, F f) {
  json out = json::array();
  for (const T& item : items) out.push_back(f(item));
  return out;
}

}  // namespace

json record_json::table_json(const Table& t) {
  return table(t);
}

std::string to_json(const Report& r, bool pretty) {
  json j{{"schema", kSchemaName},
         {"schema_version", kSchemaVersion},
         {"source", source(r.source)},
         {"document", document(r.document)},
         {"sections", list(r.sections, section)},
         {"tables", list(r.tables, table)},
         {"peers", list(r.peers, peer)},
         {"estimates", list(r.estimates, estimate)},
         {"figures", list(r.figures,
                          [](const Figure& f) {
                            return json{{"id", f.id},
                                        {"number", opt(f.number)},
                                        {"caption", opt(f.caption)},
                                        {"source", opt(f.source)},
                                        {"page", f.page}};
                          })},
         {"compliance", compliance(r.compliance)},
         {"warnings", list(r.warnings,
                           [](const Warning& w) {
                             return json{{"code", w.code},
                                         {"page", w.page > 0 ? json(w.page) : json(nullptr)},
                                         {"message", w.message}};
                           })},
         {"extractor", {{"name", "kreport"}, {"version", KREPORT_VERSION}}}};
  // Invalid UTF-8 cannot reach here (every string went through ICU), but if it ever does,
  // replace it rather than throw: a record with U+FFFD beats no record.
  return j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kreport
