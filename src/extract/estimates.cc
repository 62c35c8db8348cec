// The report's estimates as typed rows: the annual figures (annual.cc), the quarters, and
// what the report prints beside them: the figure before the analyst's revision and the
// consensus. A quarter's figures come from the table that prints the metric for the most
// quarters (the quarterly table, not a results review's three columns); another table only
// adds quarters to it when it prints a shared quarter the same. A table of the figures before
// a revision (`(수정 전)`) is never the source of a figure: it gives the figure before to the
// table it was revised into (the one sharing the most of its periods).
//
// A revision or consensus belongs to the row whose figure it stands beside: the same metric
// and period, in the same unit, with the same figure (to the rounding of the smaller). Where
// the report prints it in another unit or rounding (a revision table in 조원 beside a summary
// in 십억원, the cover's quarterly box in 억원), it is a row of its own, from its own table.
// Every row carries the unit's scale and currency (억원: 1e8 KRW) and the month the fiscal year
// ends in where any table prints it (`12월 결산`, `결산기 (12월)`, `2025.03`).
#include <algorithm>
#include <cmath>
#include <map>

#include "estimates_parts.h"
#include "extract_parts.h"
#include "kreport/extract.h"

namespace kreport {
namespace {

using namespace extract;

// The decimals a number is printed with: 1574.8 -> 1, 1575 -> 0.
int decimals(double v) {
  int d = 0;
  for (double scaled = std::abs(v); d < 6 && std::abs(scaled - std::round(scaled)) > 1e-6; ++d)
    scaled *= 10;
  return d;
}

// Two printings of one figure: the same to the rounding of the less precise one (1,574.8 and
// 1,575; 19.9 and 20), never two figures (300,839 and 300,492).
bool same_figure(double a, double b) {
  return std::abs(a - b) <= 0.5 * std::pow(10.0, -std::min(decimals(a), decimals(b))) + 1e-9;
}

bool units_fit(const OptString& a, const OptString& b) {
  return !a || !b || *a == *b;
}

std::string header_of(const Table& t) {
  std::string s = t.title.value_or("");
  for (const Column& c : t.columns) s += " / " + c.label;
  return s;
}

bool prior_table(const Table& t) {
  std::string h = header_of(t);
  return vocab::has_role(h, vocab::estimate_tables(), "prior") &&
         !vocab::has_role(h, vocab::estimate_tables(), "after");
}

OptString basis_of(const Table* t) {
  if (!t) return std::nullopt;
  std::string h = header_of(*t);
  if (vocab::has_role(h, vocab::estimate_tables(), "separate")) return "separate";
  if (vocab::has_role(h, vocab::estimate_tables(), "consolidated")) return "consolidated";
  return std::nullopt;
}

// A quarter printed without a letter that ends after the report's date is a forecast.
std::string kind_of(const PeriodFigure& f, const OptString& published) {
  const std::string& kind = f.period.kind;
  if (!f.period.quarter || kind != "actual" || !published) return kind;
  bool lettered =
      std::any_of(f.printed.begin(), f.printed.end(), [](char c) { return c == 'A' || c == 'a'; });
  static const char* kEnds[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
  std::string end = std::to_string(f.period.year) + kEnds[f.period.quarter - 1];
  return !lettered && end > *published ? "forecast" : kind;
}

Estimate row_of(const PeriodFigure& f, const OptString& published) {
  Estimate e;
  e.metric = f.metric, e.label = f.label, e.fiscal_year = f.period.year;
  if (f.period.quarter) e.fiscal_quarter = f.period.quarter;
  e.period = f.printed, e.kind = kind_of(f, published), e.value = f.value.value_or(0);
  e.previous_value = f.previous, e.consensus = f.consensus;
  e.unit = f.unit, e.basis = basis_of(f.table);
  e.table = f.table ? f.table->id : "";
  e.page = f.page;
  return e;
}

struct TableFigures {
  const Table* table;
  bool prior;
  std::vector<PeriodFigure> figures;
};

using Key = std::tuple<std::string, int, int>;  // metric, year, quarter

Key key_of(const PeriodFigure& f) {
  return {f.metric, f.period.year, f.period.quarter};
}

// One row per (metric, quarter): the table printing the metric for the most quarters, then
// the quarters other tables add where they print a shared quarter the same.
std::vector<Estimate> quarter_rows(const std::vector<TableFigures>& tables,
                                   const OptString& published) {
  std::map<std::string, std::vector<std::map<std::pair<int, int>, const PeriodFigure*>>> by_metric;
  for (const TableFigures& t : tables)
    for (const PeriodFigure& f : t.figures) {
      if (t.prior || !f.period.quarter || !f.value) continue;
      auto& per_table = by_metric[f.metric];
      per_table.resize(tables.size());
      per_table[&t - tables.data()].emplace(std::make_pair(f.period.year, f.period.quarter), &f);
    }
  std::vector<Estimate> out;
  for (const auto& entry : by_metric) {
    const auto& per_table = entry.second;  // a lambda cannot capture a structured binding
    // The most quarters; between as many, the consolidated figures before a parent's.
    auto weight = [&](size_t i) {
      OptString basis = basis_of(tables[i].table);
      return 3 * per_table[i].size() + (basis == "consolidated" ? 2 : basis ? 0 : 1);
    };
    size_t primary = 0;
    for (size_t i = 1; i < per_table.size(); ++i)
      if (weight(i) > weight(primary)) primary = i;
    std::map<std::pair<int, int>, const PeriodFigure*> taken = per_table[primary];
    for (size_t i = 0; i < per_table.size(); ++i) {
      if (i == primary || per_table[i].empty()) continue;
      bool agrees = false;
      for (const auto& [q, f] : per_table[i]) {
        auto it = taken.find(q);
        if (it != taken.end() && units_fit(it->second->unit, f->unit) &&
            same_figure(*it->second->value, *f->value))
          agrees = true;
      }
      if (agrees)
        for (const auto& [q, f] : per_table[i]) taken.emplace(q, f);
    }
    for (const auto& [q, f] : taken) out.push_back(row_of(*f, published));
  }
  return out;
}

// The figures before a revision printed as a table of their own, given to the table they were
// revised into: the other table sharing the most of their (metric, period)s in the same unit.
std::vector<PeriodFigure> prior_pairs(const std::vector<TableFigures>& tables) {
  std::vector<PeriodFigure> out;
  for (const TableFigures& p : tables) {
    if (!p.prior) continue;
    std::map<Key, const PeriodFigure*> before;
    for (const PeriodFigure& f : p.figures)
      if (f.value) before.emplace(key_of(f), &f);
    const TableFigures* partner = nullptr;
    size_t best = 0;
    for (const TableFigures& a : tables) {
      if (a.prior) continue;
      size_t shared = std::count_if(a.figures.begin(), a.figures.end(), [&](const PeriodFigure& f) {
        auto it = before.find(key_of(f));
        return f.value && it != before.end() && units_fit(it->second->unit, f.unit);
      });
      if (shared > best) best = shared, partner = &a;
    }
    if (!partner) continue;
    for (const PeriodFigure& f : partner->figures) {
      auto it = before.find(key_of(f));
      if (!f.value || it == before.end() || f.previous) continue;
      PeriodFigure revised = f;
      revised.previous = it->second->value;
      out.push_back(revised);
    }
  }
  return out;
}

// The row a revision or consensus stands beside, or -1.
long row_for(const std::vector<Estimate>& rows, const PeriodFigure& f) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const Estimate& e = rows[i];
    int quarter = e.fiscal_quarter.value_or(0);
    if (e.metric != f.metric || e.fiscal_year != f.period.year || quarter != f.period.quarter ||
        !units_fit(e.unit, f.unit))
      continue;
    if (!f.value || same_figure(e.value, *f.value)) return static_cast<long>(i);
  }
  return -1;
}

std::optional<int> year_end_of(const std::vector<Table>& tables) {
  for (const Table& t : tables) {
    if (!takes_part(t)) continue;
    std::vector<std::string> texts = {t.title.value_or("")};
    for (const Column& c : t.columns) texts.push_back(c.label);
    for (const auto& row : t.rows)
      for (const Cell& c : row)
        if (const std::string* s = std::get_if<std::string>(&c)) texts.push_back(*s);
    for (const std::string& s : texts)
      if (auto month = vocab::fiscal_year_end(s)) return month;
  }
  for (const Table& t : tables)  // a year printed with its last month: `2025.03`, `12/25F`
    for (const Column& c : t.columns)
      if (auto p = period_part(c.label.substr(
              c.label.rfind(" / ") == std::string::npos ? 0 : c.label.rfind(" / ") + 3)))
        if (p->period.month) return p->period.month;
  return std::nullopt;
}

}  // namespace

std::vector<Estimate> estimates_of(const std::vector<Table>& tables,
                                   const std::vector<PageLayout>& pages,
                                   const OptString& published) {
  std::vector<Estimate> rows = annual_estimates(tables);
  std::vector<TableFigures> read;
  for (const Table& t : tables) {  // a results review with 괴리율 columns reads as a history
    bool segment = vocab::has_role(header_of(t), vocab::estimate_tables(), "segment");
    if ((takes_part(t) || t.kind == "rating_history") && !segment)
      read.push_back({&t, prior_table(t), table_figures(t)});
  }
  std::vector<Estimate> quarters = quarter_rows(read, published);
  rows.insert(rows.end(), quarters.begin(), quarters.end());

  // Revisions and consensus: the tables' own, the revised tables', the cover's box.
  std::vector<PeriodFigure> beside;
  for (const TableFigures& t : read)
    for (const PeriodFigure& f : t.figures)
      if (!t.prior && (f.previous || f.consensus)) beside.push_back(f);
  std::vector<PeriodFigure> pairs = prior_pairs(read);
  beside.insert(beside.end(), pairs.begin(), pairs.end());
  if (const PageLayout* cover = cover_page(pages))
    for (PeriodFigure& f : box_figures(*cover))
      if (f.metric != "target_price") beside.push_back(std::move(f));
  for (const PeriodFigure& f : beside) {
    long i = row_for(rows, f);
    if (i < 0) {
      if (f.value) rows.push_back(row_of(f, published));
      continue;
    }
    Estimate& e = rows[i];
    if (f.previous && !e.previous_value) e.previous_value = f.previous;
    if (f.consensus && !e.consensus) e.consensus = f.consensus;
  }

  std::optional<int> year_end = rows.empty() ? std::nullopt : year_end_of(tables);
  for (Estimate& e : rows) {
    e.fiscal_year_end = year_end;
    if (const vocab::UnitWord* u = e.unit ? vocab::unit_word(*e.unit) : nullptr) {
      if (u->scale > 0) e.scale = u->scale;
      if (*u->currency) e.currency = std::string(u->currency);
    }
  }
  return rows;
}

}  // namespace kreport
