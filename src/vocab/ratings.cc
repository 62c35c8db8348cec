// Rating words. One table serves the rating box (`BUY(유지)`), the rating history's column
// (`Trading Buy`), the compliance notice's definitions (`Overweight(비중확대)`) and its
// distribution (`매수 95.2% 중립 4.8% 매도 0.0%`). Longest first, so that a word that starts
// another (`buy` in `buy-side`? no: `trading buy`) is tried after it.
#include <algorithm>

#include "kreport/regex.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

using utf8::lower_ascii;
using utf8::trimmed;

const RatingWord kRatingWords[] = {
    {"strong buy", "buy", "stock", "Strong Buy"},
    {"trading buy", "buy", "stock", "Trading Buy(유지)"},
    {"not rated", "not_rated", "stock", "Not Rated"},
    {"marketperform", "hold", "stock", "Marketperform"},
    {"market perform", "hold", "stock", "Market Perform"},
    {"outperform", "outperform", "stock", "Outperform(유지)"},
    {"underperform", "underperform", "stock", "Underperform"},
    {"overweight", "", "industry", "Overweight(비중확대)"},
    {"underweight", "", "industry", "Underweight(비중축소)"},
    {"positive", "", "industry", "Positive"},
    {"negative", "", "industry", "Negative"},
    {"neutral", "hold", "", "Neutral"},
    {"reduce", "sell", "stock", "Reduce"},
    {"hold", "hold", "stock", "Hold"},
    {"sell", "sell", "stock", "Sell"},
    {"buy", "buy", "stock", "BUY(유지)"},
    {"n/r", "not_rated", "stock", "N/R"},
    {"nr", "not_rated", "stock", "NR"},
    {"비중확대", "", "industry", "비중확대"},
    {"비중축소", "", "industry", "비중축소"},
    {"매수", "buy", "stock", "매수(유지)"},
    {"중립", "hold", "", "중립 (유지)"},
    {"매도", "sell", "stock", "매도"},
};

}  // namespace

std::span<const RatingWord> rating_words() {
  return kRatingWords;
}

const RatingWord* rating_word_at(std::string_view text) {
  std::string lower = lower_ascii(trimmed(text));
  for (const RatingWord& r : kRatingWords)
    if (lower.starts_with(r.printed)) return &r;
  return nullptr;
}

const RatingWord* stated_rating(std::string_view text) {
  text = trimmed(text);
  if (text.starts_with("투자의견")) {
    text = trimmed(text.substr(std::string_view("투자의견").size()));
    if (text.starts_with("("))
      text = trimmed(text.substr(std::min(text.size(), text.find(')') + 1)));
    if (text.starts_with(":")) text = trimmed(text.substr(1));
  }
  std::string lower = lower_ascii(text);
  static const Regex suffix(R"(^(\([^()]{0,20}\))?(,? ?(유지|상향|하향|신규|maintain|m))?$)");
  for (const RatingWord& r : kRatingWords) {
    if (!*r.rating || !lower.starts_with(r.printed)) continue;
    std::string rest(trimmed(std::string_view(lower).substr(std::string_view(r.printed).size())));
    return std::regex_match(rest, suffix) ? &r : nullptr;
  }
  return nullptr;
}

std::optional<std::string> normalize_rating(std::string_view word) {
  std::string w = lower_ascii(trimmed(word));
  for (const RatingWord& r : kRatingWords)
    if (w == r.printed && *r.rating) return r.rating;
  return std::nullopt;
}

std::vector<std::string> words_for_rating(std::string_view rating) {
  std::vector<std::string> out;
  for (const RatingWord& r : kRatingWords)
    if (rating == r.rating) out.push_back(r.printed);
  return out;
}

}  // namespace kreport::vocab
