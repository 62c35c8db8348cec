// The spread of firms' forecasts. Firms print the same metric in different units (operating
// profit in 십억원 at most firms, 억원 at some: "영업이익 382,000억원" against "38,200십억원"),
// so values are compared as value × scale (what the record says one unit is worth: 억원 1e8
// KRW) and brought to the unit most firms use; a record without scales (schema 1.2 and
// older) has its won units read here. Results are rounded to kDecimals: the inputs are
// printed with at most two decimals.
#include <algorithm>
#include <cmath>
#include <map>

#include "kreport/vocab.h"
#include "query_internal.h"

namespace kreport::archive {
namespace {

constexpr int kDecimals = 2;

// What one won unit printed in a table ("(단위: 십억원)") is worth in won, from the
// vocabulary's unit table (the one list of units), or 0.
double won_per(const std::string& unit) {
  const vocab::UnitWord* u = vocab::unit_word(unit);
  return u && std::string_view(u->currency) == "KRW" ? u->scale : 0;
}

double rounded(double v) {
  double scale = std::pow(10.0, kDecimals);
  double r = std::round(v * scale) / scale;
  return r == 0 ? 0 : r;  // no -0
}

// The unit of the most firms; a tie goes to the unit met first (firms are in broker order).
std::string common_unit(const std::vector<std::string>& units) {
  std::map<std::string, int> count;
  for (const std::string& u : units) ++count[u];
  std::string best;
  int most = 0;
  for (const std::string& u : units)
    if (count[u] > most) most = count[u], best = u;
  return best;
}

// What one unit of a firm's row is worth, and in which currency.
struct Scale {
  double scale = 0;
  std::string currency;
};

// Integral results read as integers (35000, not 35000.0), as in the records.
Value number(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return static_cast<long long>(v);
  return v;
}

double as_number(const Value& v) {
  if (auto* i = std::get_if<long long>(&v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  return NAN;
}

std::string as_text(const Value& v) {
  auto* s = std::get_if<std::string>(&v);
  return s ? *s : std::string();
}

// The row's scale (columns 4 and 5), else the won unit's.
Scale scale_of(const std::vector<Value>& row) {
  double scale = row.size() > 4 ? as_number(row[4]) : NAN;
  if (!std::isnan(scale) && scale > 0) return {scale, row.size() > 5 ? as_text(row[5]) : ""};
  double won = won_per(as_text(row[3]));
  return won > 0 ? Scale{won, "KRW"} : Scale{};
}

// `value` of a row scaled `from` expressed in the unit scaled `to`, or NaN when either has no
// scale or they are not the same currency.
double convert(double value, const Scale& from, const Scale& to) {
  if (from.scale <= 0 || to.scale <= 0 || from.currency != to.currency) return NAN;
  return value * from.scale / to.scale;
}

}  // namespace

QueryResult spread_of(const QueryResult& firms, const std::string& metric, long long year) {
  QueryResult out;
  out.columns = {"ticker", "metric",     "fiscal_year", "unit",        "firms",
                 "low",    "low_broker", "high",        "high_broker", "mean",
                 "median", "spread",     "spread_pct",  "excluded"};
  if (firms.rows.empty()) return out;
  std::vector<std::string> units;
  for (const auto& row : firms.rows) units.push_back(as_text(row[3]));
  std::string unit = common_unit(units);
  Scale target;
  for (const auto& row : firms.rows)
    if (as_text(row[3]) == unit) {
      target = scale_of(row);
      break;
    }
  std::vector<std::pair<double, std::string>> values;  // (value in `unit`, broker)
  long long excluded = 0;
  for (const auto& row : firms.rows) {
    double v = as_text(row[3]) == unit ? as_number(row[2])
                                       : convert(as_number(row[2]), scale_of(row), target);
    if (std::isnan(v))
      ++excluded;
    else
      values.push_back({rounded(v), as_text(row[1])});
  }
  std::stable_sort(values.begin(), values.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t n = values.size();
  double sum = 0;
  for (const auto& v : values) sum += v.first;
  double mean = sum / static_cast<double>(n);
  double median = n % 2 ? values[n / 2].first : (values[n / 2 - 1].first + values[n / 2].first) / 2;
  double spread = values.back().first - values.front().first;
  Value pct = mean != 0 ? number(rounded(spread / std::fabs(mean) * 100)) : Value();
  out.rows.push_back({firms.rows.front()[0], metric, year, unit.empty() ? Value() : Value(unit),
                      static_cast<long long>(n), number(values.front().first),
                      values.front().second, number(values.back().first), values.back().second,
                      number(rounded(mean)), number(rounded(median)), number(rounded(spread)), pct,
                      excluded});
  return out;
}

}  // namespace kreport::archive
