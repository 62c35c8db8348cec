// Peer rows from tables of companies. A peer table (by its kind) is read column by column,
// each column's role by the words of its label. Any other table is one of companies when a
// column is labelled as names (종목, 기업명) or it stands under a peer title (Peer 그룹,
// Valuation 비교): one row per company; or, transposed, when its leading columns are row
// labels with a valuation figure (PER, 시가총액) among them and at least two later columns
// are headed by companies (`LINDE PLC / LIN GY`). A table of one company's parts (SOTP,
// segments) gives none. Every figure beside the fixed keys is kept as a typed value; a score
// printed as marks ("● ● ●") is a figure, kept as printed.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <regex>

#include "kreport/extract.h"
#include "kreport/regex.h"
#include "kreport/vocab.h"
#include "params.h"

namespace kreport {
namespace {

const Regex kParenTicker(R"(^(.*?)\s*\(([A-Z0-9.\-]{1,10})\)$)");       // "엔비디아 (NVDA)"
const Regex kTickerMarket(R"(^([A-Z0-9.\-]{1,10})\s+([A-Z0-9]{2})$)");  // "AAPL US"

std::string last_part(const std::string& label) {
  size_t at = label.rfind(" / ");
  return at == std::string::npos ? label : label.substr(at + 3);
}

// "종목 (티커)": names, with the ticker in parentheses after them.
bool ticker_in_parentheses(const std::string& label) {
  for (const vocab::Role& r : vocab::peer_columns())
    if (std::string_view(r.role) == "ticker")
      for (const char* w : r.words)
        if (label.find(std::string("(") + w) != std::string::npos) return true;
  return false;
}

std::string role_of(const std::string& label) {
  const char* role = vocab::role_of(label, vocab::peer_columns());
  if (!role) return "";
  if (std::string_view(role) == "ticker" && ticker_in_parentheses(label)) return "name";
  return role;
}

std::optional<double> number_in(const Cell& c) {
  if (const double* d = std::get_if<double>(&c)) return *d;
  return std::nullopt;
}

const std::string* text_in(const Cell& c) {
  return std::get_if<std::string>(&c);
}

// A figure about a company: a number, or a score printed as marks ("● ● ●": an ESG quartile).
bool is_figure(const Cell& c) {
  const std::string* s = text_in(c);
  return std::holds_alternative<double>(c) || (s && vocab::is_marks(*s));
}

void set_ticker(Peer& p, const Cell& c) {
  std::smatch m;
  if (const std::string* tk = text_in(c)) {
    if (std::regex_match(*tk, m, kTickerMarket) && vocab::is_market_code(m[2].str()))
      p.ticker = m[1].str(), p.market = m[2].str();
    else
      p.ticker = *tk;
  } else if (auto n = number_in(c)) {  // "000660" read as a number
    char buf[16];
    std::snprintf(buf, sizeof buf, "%06.0f", *n);
    p.ticker = buf;
  }
}

// "- 추론 시대 … - H20 중국 …": the bullets of a comment, joined without their markers.
void add_comment(Peer& p, std::string c) {
  if (c.rfind("- ", 0) == 0) {
    c.erase(0, 2);
    for (size_t at; (at = c.find(" - ")) != std::string::npos;) c.erase(at + 1, 2);
  }
  if (!c.empty()) p.comment = p.comment ? *p.comment + " " + c : c;
}

bool is_text(const Cell& c) {
  const std::string* s = text_in(c);
  return s && !s->empty();
}

bool has(std::string_view text, const char* role) {
  return vocab::has_role(text, vocab::peer_words(), role);
}

// "PER(배) / 2021E" -> 2021E; "수익률 (%) / 1W" -> 1W; "P/E(x) / FY1" -> FY1: the part of a
// label that names a year, quarter or window.
OptString period_in(const std::string& label) {
  static const Regex kWindow(R"(^(FY\d|\d{1,2}[DWMY]|YTD|12MF)$)");
  size_t from = 0;
  OptString found;
  while (from <= label.size()) {
    size_t at = label.find(" / ", from);
    std::string part = label.substr(from, at == std::string::npos ? std::string::npos : at - from);
    std::string word = part.substr(0, part.find(' '));  // "2025F 영업지표 / 매출액"
    for (const std::string& p : {part, word})
      if (!found &&
          (vocab::fiscal_period(p) || vocab::fiscal_quarter(p) || std::regex_match(p, kWindow)))
        found = p;
    if (at == std::string::npos) break;
    from = at + 3;
  }
  return found;
}

std::string metric_of(const std::string& label) {
  if (const char* m = vocab::role_of(label, vocab::peer_metrics())) return m;
  if (const char* m = vocab::role_of(label, vocab::metric_words())) return m;
  return "other";
}

OptString unit_of(const std::string& label, const OptString& column_unit) {
  if (column_unit) return column_unit;
  std::vector<const vocab::UnitWord*> units = vocab::units_in(label);
  if (units.size() == 1) return std::string(units[0]->unit);
  return std::nullopt;
}

PeerValue value_of(const std::string& label, OptString period, const Cell& cell, OptString unit) {
  PeerValue v;
  v.label = label;
  v.metric = metric_of(label);
  v.period = period ? period : period_in(label);
  v.value = cell;
  v.unit = unit_of(label, unit);
  return v;
}

// The fixed keys a figure fills where its column has no role of its own (transposed tables,
// coverage tables): the first price and market cap, every return.
void fill_fixed(Peer& p, const PeerValue& v, const std::string& label) {
  std::optional<double> n = number_in(v.value);
  if (v.metric == "price" && !p.price && n) p.price = n;
  if (v.metric == "market_cap" && !p.market_cap && n) p.market_cap = Quantity{n, v.unit};
  if (v.metric == "return") p.returns.push_back({last_part(label), n});
}

// "LINDE PLC / LIN GY" -> LINDE PLC, LIN, GY; "삼성전자 (005930)" -> 삼성전자, 005930;
// "ITM POWER / BRITAIN" -> ITM POWER: a company as a header or a cell prints it.
void set_name(Peer& p, const std::string& printed) {
  std::string s = printed;
  // A score's marks printed so close after the name that they were read with it.
  for (size_t at = s.rfind(' '); at != std::string::npos && vocab::is_marks(s.substr(at));
       at = s.rfind(' '))
    s.erase(at);
  for (size_t at; (at = s.find(" / ")) != std::string::npos;) s.replace(at, 3, " ");
  std::smatch m;
  static const Regex kNameTicker(R"(^(.*\S)\s+([A-Z0-9.\-]{1,10})\s+([A-Z]{2})$)");
  if (std::regex_match(s, m, kNameTicker) && vocab::is_market_code(m[3].str())) {
    p.name = m[1].str(), p.ticker = m[2].str(), p.market = m[3].str();
    return;
  }
  if (std::regex_match(s, m, kParenTicker)) {
    p.name = m[1].str(), p.ticker = m[2].str();
    return;
  }
  for (const vocab::Role& r : vocab::peer_words())
    if (std::string_view(r.role) == "country")
      for (std::string_view w : r.words)
        if (s.size() > w.size() + 1 && s.compare(s.size() - w.size(), w.size(), w) == 0 &&
            s[s.size() - w.size() - 1] == ' ') {
          s.erase(s.size() - w.size() - 1);
          break;
        }
  p.name = s;
}

// A transposed header's name without the title that spilled into it ("글로벌 수소관련주들
// Valuation 비교 / 두산퓨얼셀 / SOUTH / KOREA" -> 두산퓨얼셀 SOUTH KOREA).
std::string header_name(const std::string& label) {
  std::string out;
  size_t from = 0;
  while (from <= label.size()) {
    size_t at = label.find(" / ", from);
    std::string part = label.substr(from, at == std::string::npos ? std::string::npos : at - from);
    if (!has(part, "peer_title")) out += (out.empty() ? "" : " / ") + part;
    if (at == std::string::npos) break;
    from = at + 3;
  }
  return out;
}

bool is_period(const std::string& s) {
  return vocab::fiscal_period(s) || vocab::fiscal_quarter(s) || period_in(s);
}

// Whether a word of `table` stands in `s` as a word: a Latin word of it never inside a longer
// one ("ROA" is no metric in "BROADCOM").
bool has_word(const std::string& s, std::span<const vocab::Role> table) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (const vocab::Role& r : table)
    for (std::string_view w : r.words)
      for (size_t at = s.find(w); at != std::string::npos; at = s.find(w, at + 1)) {
        bool left = at == 0 || !letter(w.front()) || !letter(s[at - 1]);
        size_t end = at + w.size();
        bool right = end == s.size() || !letter(w.back()) || !letter(s[end]);
        if (left && right) return true;
      }
  return false;
}

bool names_metric(const std::string& s, std::span<const vocab::Role> table) {
  return vocab::role_of(s, table) && has_word(s, table);
}

// A printed company: letters, no period, no metric, no group figure, no caption or source.
bool company_like(const std::string& s) {
  if (s.empty() || has(s, "not_company") || is_period(s) || vocab::is_marks(s)) return false;
  if (vocab::label_of(s) != vocab::LineLabel::none) return false;
  if (names_metric(s, vocab::metric_words()) || names_metric(s, vocab::peer_metrics()) ||
      names_metric(s, vocab::estimate_columns()))  // "직전추정", "QoQ": an estimate's column
    return false;
  return std::any_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
  });
}

bool skipped_kind(const Table& t) {
  return t.kind == "rating_history" || t.kind == "rating_distribution" || t.kind == "calendar";
}

bool lists_parts(const Table& t) {
  if (t.title && has(*t.title, "parts")) return true;
  if (std::any_of(t.rows.begin(), t.rows.end(), [](const auto& row) {
        const std::string* s = text_in(row[0]);
        return s && has(*s, "parts");
      }))
    return true;
  return std::any_of(t.columns.begin(), t.columns.end(),
                     [](const Column& c) { return has(c.label, "parts"); });
}

bool names_peers(const Table& t) {
  if (t.title && has(*t.title, "peer_title")) return true;
  return std::any_of(t.columns.begin(), t.columns.end(),
                     [](const Column& c) { return has(c.label, "peer_title"); });
}

// The column of companies of a table that is no peer table by its kind: the one labelled as
// names, else (under a peer title) the first; a column of repeated groups ("인터넷", "게임")
// gives way to the distinct names right of it. Only rows with figures count: a company's
// notes continued on rows below it repeat its name, not a group's.
std::optional<size_t> company_column(const Table& t) {
  std::optional<size_t> col;
  for (size_t k = 0; k < t.columns.size() && !col; ++k)
    if (role_of(t.columns[k].label) == "name") col = k;
  if (!col && names_peers(t) && !t.columns.empty()) col = 0;
  if (!col) return std::nullopt;
  for (size_t k = *col; k < t.columns.size(); ++k) {
    std::vector<std::string> names;
    for (const auto& row : t.rows) {
      bool figures = std::any_of(row.begin(), row.end(), is_figure);
      if (const std::string* s = text_in(row[k]); s && figures && company_like(*s))
        names.push_back(*s);
    }
    std::vector<std::string> distinct = names;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (names.size() >= 2 && static_cast<double>(distinct.size()) >=
                                 kExtract.distinct_names_share * static_cast<double>(names.size()))
      return k;
  }
  return std::nullopt;
}

// Coverage and comparison tables of other kinds: one peer per row that names a company and
// prints something about it; a row repeating the company above adds to it.
void peers_by_rows(const Table& t, size_t name, std::vector<Peer>& peers) {
  size_t before = peers.size();
  for (const auto& row : t.rows) {
    const std::string* label = text_in(row[name]);
    if (!label || !company_like(*label)) continue;
    size_t filled = std::count_if(row.begin(), row.end(), is_text) +
                    std::count_if(row.begin(), row.end(),
                                  [](const Cell& c) { return std::holds_alternative<double>(c); });
    if (filled < 2) continue;
    Peer probe;
    set_name(probe, *label);
    bool same = peers.size() > before && peers.back().name == probe.name;
    // A new company prints a figure; a row of words alone is a caption or part of a contents
    // table ("Part II _ 메모리 반도체"), unless it continues the company above.
    if (!same && std::none_of(row.begin(), row.end(), is_figure)) continue;
    Peer& p = same ? peers.back() : peers.emplace_back(std::move(probe));
    p.table = t.id;
    for (size_t k = 0; k < row.size() && k < t.columns.size(); ++k) {
      if (k == name || std::holds_alternative<std::monostate>(row[k])) continue;
      const std::string& label_k = t.columns[k].label;
      std::string role = role_of(label_k);
      if (role == "ticker") {
        if (!p.ticker) set_ticker(p, row[k]);
        continue;
      }
      if (k < name) {  // the group the company is in ("결제", "인터넷")
        if (const std::string* s = text_in(row[k]); s && !p.value_chain) p.value_chain = *s;
        continue;
      }
      PeerValue v = value_of(label_k, std::nullopt, row[k], t.columns[k].unit);
      fill_fixed(p, v, label_k);
      p.values.push_back(std::move(v));
    }
  }
}

// The one unit printed over a transposed table's row labels ("(십억원)" in its top-left
// cell), or none (none printed, or several: "(십억원, 원, 배)" says not which row is which).
OptString corner_unit(const Table& t, size_t labels) {
  OptString unit;
  for (size_t k = 0; k < labels; ++k) {
    std::vector<const vocab::UnitWord*> units = vocab::units_in(t.columns[k].label);
    OptString here = units.size() == 1 ? OptString(units[0]->unit) : t.columns[k].unit;
    if (units.size() > 1 || (here && unit && *here != *unit)) return std::nullopt;
    if (here) unit = here;
  }
  return unit;
}

// An amount of money the company has (market cap, sales, profit): what a corner's unit
// (십억원) is printed for; a price, a per-share figure, a multiple or a rate is never in it.
bool is_amount(const std::string& metric) {
  static const char* const kAmounts[] = {
      "market_cap",    "revenue",    "gross_profit",           "operating_profit",
      "pretax_profit", "net_profit", "net_profit_controlling", "ebitda"};
  return std::find(std::begin(kAmounts), std::end(kAmounts), metric) != std::end(kAmounts);
}

// A table whose columns are companies and whose rows are figures (`PER(배) | FY23A`): the
// leading columns of text are the row labels, every later column with a company's header one
// peer, if a row is a valuation or market figure.
bool peers_by_columns(const Table& t, std::vector<Peer>& peers) {
  size_t labels = 0;
  while (labels < 2 && labels < t.columns.size()) {
    bool text = false, number = false;
    for (const auto& row : t.rows) text |= is_text(row[labels]), number |= !!number_in(row[labels]);
    if (!text || number) break;
    ++labels;
  }
  if (labels == 0) return false;
  std::vector<size_t> companies;
  for (size_t k = labels; k < t.columns.size(); ++k) {
    bool number = std::any_of(t.rows.begin(), t.rows.end(),
                              [&](const auto& row) { return is_figure(row[k]); });
    if (number && company_like(header_name(t.columns[k].label))) companies.push_back(k);
  }
  auto row_label = [&](const std::vector<Cell>& row) {
    std::string label;
    for (size_t k = 0; k < labels; ++k)
      if (const std::string* s = text_in(row[k]); s && !s->empty())
        label += (label.empty() ? "" : " / ") + *s;
    return label;
  };
  bool valuation = std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
    std::string m = metric_of(row_label(row));
    return m == "per" || m == "pbr" || m == "psr" || m == "ev_ebitda" || m == "roe" ||
           m == "market_cap" || m == "price";
  });
  if (companies.size() < 2 || !valuation) return false;
  OptString corner = corner_unit(t, labels);
  for (size_t k : companies) {
    Peer& p = peers.emplace_back();
    p.table = t.id;
    set_name(p, header_name(t.columns[k].label));
    for (const auto& row : t.rows) {
      std::string label = row_label(row);
      if (label.empty() || std::holds_alternative<std::monostate>(row[k])) continue;
      PeerValue v = value_of(label, std::nullopt, row[k], std::nullopt);
      if (!v.unit && corner && is_amount(v.metric)) v.unit = corner;
      fill_fixed(p, v, label);
      p.values.push_back(std::move(v));
    }
  }
  return true;
}

}  // namespace

std::vector<Peer> peers_of(const std::vector<Table>& tables) {
  std::vector<Peer> peers;
  for (const Table& t : tables) {
    if (t.kind != "peer_table") {
      if (skipped_kind(t) || lists_parts(t) || t.rows.empty()) continue;
      if (std::optional<size_t> name = company_column(t))
        peers_by_rows(t, *name, peers);
      else
        peers_by_columns(t, peers);
      continue;
    }
    std::vector<std::string> roles;
    for (const Column& c : t.columns) roles.push_back(role_of(c.label));
    auto name_col = std::find(roles.begin(), roles.end(), "name");
    size_t name = name_col == roles.end() ? 0 : name_col - roles.begin();
    for (const auto& row : t.rows) {
      size_t filled = std::count_if(row.begin(), row.end(), [](const Cell& c) {
        return !std::holds_alternative<std::monostate>(c);
      });
      const std::string* first = text_in(row[0]);
      if (filled == 1 && first && !peers.empty() && peers.back().table == t.id) {
        add_comment(peers.back(), *first);  // the comment line under a company ("- …")
        continue;
      }
      const std::string* label = text_in(row[name]);
      if (filled < 2 || !label) continue;
      Peer p;
      p.table = t.id;
      std::smatch m;
      if (std::regex_match(*label, m, kParenTicker))
        p.name = m[1].str(), p.ticker = m[2].str();
      else
        p.name = *label;
      for (size_t k = 0; k < roles.size(); ++k) {
        const std::string& role = roles[k];
        if (k == name) continue;
        if (role != "ticker" && role != "comment" && role != "value_chain" &&
            role != "earnings_date" && !std::holds_alternative<std::monostate>(row[k]))
          p.values.push_back(value_of(t.columns[k].label, std::nullopt, row[k], t.columns[k].unit));
        if (role.empty()) continue;
        // The first column of a role is the one ("수정 후 / 목표주가" before "수정 전").
        if (role != "return" && role != "comment" &&
            std::find(roles.begin(), roles.begin() + k, role) != roles.begin() + k)
          continue;
        if (role == "ticker") {
          set_ticker(p, row[k]);
        } else if (role == "market_cap") {
          p.market_cap = Quantity{number_in(row[k]), t.columns[k].unit};
        } else if (role == "price") {
          p.price = number_in(row[k]);
        } else if (role == "return") {
          p.returns.push_back({last_part(t.columns[k].label), number_in(row[k])});
        } else if (role == "correlation") {
          p.correlation = number_in(row[k]);
        } else if (role == "value_chain") {
          if (const std::string* s = text_in(row[k])) p.value_chain = *s;
        } else if (role == "comment") {
          if (const std::string* s = text_in(row[k])) add_comment(p, *s);
        } else if (role == "earnings_date") {  // "01-28 클라우드 Azure와 …": date, then a note
          const std::string* s = text_in(row[k]);
          std::vector<vocab::DateHit> dates =
              s ? vocab::find_dates(*s) : std::vector<vocab::DateHit>{};
          if (!dates.empty() && dates[0].pos == 0) {
            p.earnings_date = s->substr(0, dates[0].len);
            size_t rest = s->find_first_not_of(' ', dates[0].len);
            add_comment(p, rest == std::string::npos ? "" : s->substr(rest));
          } else if (s) {
            add_comment(p, *s);
          }
        }
      }
      peers.push_back(std::move(p));
    }
  }
  return peers;
}

}  // namespace kreport
