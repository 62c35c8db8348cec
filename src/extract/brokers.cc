// Which securities firm wrote the report. Every line of every page is matched against the
// broker table (Korean names, English names, e-mail and web domains). The firm of the most
// analysts' e-mails wins; among firms with as many (none, mostly), each hit is weighed by
// where it sits, and the firm with the most weight wins:
//   - an analyst's e-mail (`jaekoo.kang@hanwha.com`) is the strongest evidence (5), a web
//     address in a footer (`www.daishin.com`) next (3);
//   - the name in a running header/footer or on the cover (`키움증권 리서치센터`) counts 2;
//   - the name on other body lines, or in a sentence on the cover, counts little (0.25): the
//     report may be *about* a firm, an article may quote one;
//   - a firm the cover names beside a stock code is the report's subject (`미래에셋증권
//     (006800)` in another firm's company report): its name counts nothing, its e-mails do;
//   - a firm named in a source line counts 1 when it is its own research centre
//     (`자료: 유안타증권 리서치센터`) and 0.5 otherwise (`자료: Bloomberg, SK증권`), with all
//     weak evidence for one firm capped, so a competitor cited on every page cannot win.
#include <algorithm>
#include <map>

#include "extract_parts.h"
#include "params.h"

namespace kreport::extract {

namespace {

bool is_ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A name or alias of the broker table, lower-cased once.
struct Alias {
  const vocab::BrokerRule* rule;
  std::string_view printed;
  std::string lowered;  // for an ASCII alias
  bool ascii;
};

const std::vector<Alias>& aliases() {
  static const std::vector<Alias> all = [] {
    std::vector<Alias> out;
    auto add = [&](const vocab::BrokerRule& r, std::string_view a) {
      bool ascii = std::all_of(a.begin(), a.end(),
                               [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      out.push_back({&r, a, ascii ? lower_ascii(a) : std::string(), ascii});
    };
    for (const vocab::BrokerRule& r : vocab::brokers()) {
      add(r, r.name);
      for (const char* a : r.aliases) add(r, a);
    }
    return out;
  }();
  return all;
}

// An English alias must stand as a word: `Hana` is not the start of `Hanaro`. `lowered` is
// the line in lower case, made once per line rather than once per alias.
bool matches_alias(std::string_view line, std::string_view lowered, const Alias& alias) {
  if (!alias.ascii) return contains(line, alias.printed);
  const std::string& a = alias.lowered;
  for (size_t at = lowered.find(a); at != std::string::npos; at = lowered.find(a, at + 1)) {
    bool left = at == 0 || !is_ascii_word_char(lowered[at - 1]);
    bool right = at + a.size() >= lowered.size() || !is_ascii_word_char(lowered[at + a.size()]);
    if (left && right) return true;
  }
  return false;
}

struct Tally {
  double strong = 0, weak = 0;
  std::string printed;  // the Korean name as printed, from the strongest Korean hit
  double printed_weight = 0;
  Why best;  // the strongest piece of evidence
  double best_weight = 0;
  bool outside_prose = false;  // named somewhere a firm names itself, not only in sentences
  int emails = 0;              // its analysts' e-mail addresses
};

void add(std::map<std::string, Tally>& tally, const Broker& b, double w, const Why& why,
         const char* rule) {
  Tally& t = tally[b.id];
  (w > kExtract.weight_own_source ? t.strong : t.weak) += w;
  t.outside_prose |= w > kExtract.weight_body;
  if (w > t.printed_weight && static_cast<unsigned char>(b.name[0]) >= 0x80) {
    t.printed = b.name;
    t.printed_weight = w;
  }
  if (w > t.best_weight) t.best = {rule, why.text, why.page}, t.best_weight = w;
}

// A line of running text: long and of many words (an article's or the summary's sentence).
// A firm named there is a firm written about or quoted (`김동현 대신증권 연구원은 …`).
bool is_sentence(const Line& line) {
  return utf8::length(line.text) > kExtract.masthead_chars &&
         std::count(line.text.begin(), line.text.end(), ' ') >= kExtract.sentence_spaces;
}

std::pair<double, const char*> line_weight(const Line& line, bool cover) {
  if (starts_with_source(line.text))
    return contains(line.text, "리서치") || contains(lower_ascii(line.text), "research")
               ? std::pair{kExtract.weight_own_source, "own_research_source"}
               : std::pair{kExtract.weight_cited_source, "cited_source"};
  if (line.running) return {kExtract.weight_masthead, "running_line"};
  if (cover && !is_sentence(line)) return {kExtract.weight_masthead, "cover_line"};
  return {kExtract.weight_body, "body_line"};
}

// The firms a cover names as the subject of the report: the company beside its stock code
// (`미래에셋증권 (006800)`, a company report on a securities firm by another firm). Their
// names are no evidence of the writer; only e-mails and web addresses are.
std::vector<std::string> subjects(const PageLayout* cover) {
  std::vector<std::string> out;
  if (!cover) return out;
  for (const Line& l : cover->lines)
    if (parse_ticker(l.text))
      if (auto b = broker_in_line(l.text)) out.push_back(b->id);
  return out;
}

const vocab::BrokerRule* rule_by_id(std::string_view id) {
  for (const vocab::BrokerRule& r : vocab::brokers())
    if (id == r.id) return &r;
  return nullptr;
}

}  // namespace

std::optional<Broker> broker_in_line(std::string_view line) {
  std::string lowered = lower_ascii(line);
  for (const Alias& a : aliases())
    if (matches_alias(line, lowered, a)) return Broker{a.rule->id, std::string(a.printed)};
  return std::nullopt;
}

std::optional<Broker> broker_of_email(std::string_view email) {
  std::string e = lower_ascii(email);
  for (const vocab::BrokerRule& r : vocab::brokers())
    for (const char* d : r.domains)
      if (e.ends_with(std::string("@") + d) || e.ends_with(std::string(".") + d) ||
          contains(e, std::string("www.") + d))
        return Broker{r.id, r.name};
  return std::nullopt;
}

std::optional<Broker> identify_broker(const std::vector<PageLayout>& pages, BrokerWhy* why) {
  std::map<std::string, Tally> tally;
  const PageLayout* cover = cover_page(pages);
  std::vector<std::string> subject = subjects(cover);
  for (const PageLayout& page : pages) {
    for (const Line& line : page.lines) {
      Why at{"", line.text, page.number};
      if (auto b = broker_in_line(line.text);
          b && std::find(subject.begin(), subject.end(), b->id) == subject.end()) {
        auto [w, rule] = line_weight(line, &page == cover);
        add(tally, *b, w, at, rule);
      }
      for (const std::string& email : find_emails(line.text))
        if (auto b = broker_of_email(email)) {
          add(tally, *b, kExtract.weight_email, at, "email");
          ++tally[b->id].emails;
        }
      if (line.text.find_first_of("wW") != std::string::npos &&
          contains(lower_ascii(line.text), "www."))
        if (auto b = broker_of_email(line.text))
          add(tally, *b, kExtract.weight_web, at, "web_address");
    }
  }
  // Analysts' e-mails decide when there are any: a firm writes about another under its own
  // addresses, whatever name the pages repeat. The names weigh in among firms with as many.
  int most_emails = 0;
  for (const auto& [id, t] : tally) most_emails = std::max(most_emails, t.emails);
  const std::string* best = nullptr;
  double best_score = 0;
  for (const auto& [id, t] : tally) {
    double score = t.strong + std::min(t.weak, kExtract.weak_cap);
    if (t.emails == most_emails && score > best_score) best = &id, best_score = score;
  }
  if (!best) return std::nullopt;
  const vocab::BrokerRule* rule = rule_by_id(*best);
  const Tally& t = tally[*best];
  if (why) {
    why->why = t.best;
    why->score = best_score;
    why->outside_prose = t.outside_prose;
    why->subjects = subject;
  }
  return Broker{rule->id, t.printed.empty() ? rule->name : t.printed};
}

}  // namespace kreport::extract
