// Peer rows from peer tables: which column is what, by the words of its label.
#include <algorithm>
#include <cstdio>
#include <regex>

#include "kreport/extract.h"
#include "kreport/vocab.h"

namespace kreport {
namespace {

const std::regex kParenTicker(R"(^(.*?)\s*\(([A-Z0-9.\-]{1,10})\)$)");  // "엔비디아 (NVDA)"
const std::regex kTickerMarket(R"(^([A-Z0-9.\-]{1,10})\s+([A-Z0-9]{2})$)");  // "AAPL US"

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

}  // namespace

std::vector<Peer> peers_of(const std::vector<Table>& tables) {
  std::vector<Peer> peers;
  for (const Table& t : tables) {
    if (t.kind != "peer_table") continue;
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
        if (k == name || role.empty()) continue;
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
