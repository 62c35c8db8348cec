// The compliance notice's phrases. Firms word the same statements differently; what they
// share, spaces removed, is a short phrase and whether a negation follows it.
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

const NoticePhrase kNoticePhrases[] = {
    {"no_prior_distribution", "사전제공", Reading::negation_flips, false, "", true,
     "당사는 자료를 기관투자가 또는 제3자에게 사전 제공한 사실이 없습니다.", true},
    {"no_prior_distribution", "사전에제공", Reading::negation_flips, false, "", false,
     "이 자료는 사전에 제공된 사실이 없습니다.", true},
    {"analyst_independence", "부당한압력", Reading::presence, true, "", true,
     "외부의 부당한 압력이나 간섭 없이 작성되었음을 확인합니다.", true},
    {"analyst_independence", "간섭없이", Reading::presence, true, "", false,
     "어떠한 간섭 없이 신의성실하게 작성되었음을 확인합니다.", true},
    {"holds_1pct_or_more", "1%이상", Reading::negation_flips, true, "보유", true,
     "당사는 본 자료 발간일 현재 해당 회사의 발행주식을 1% 이상 보유하고 있지 않습니다.", false},
    {"analyst_conflict", "재산적이해관계", Reading::negation_flips, true, "", true,
     "조사분석 담당자는 해당 종목과 재산적 이해관계가 없습니다.", false},
};

const NoticeWord kNoticeWords[] = {
    {"heading", "compliancenotice", "[ Compliance Notice ]"},
    {"author", "작성자", "본 자료의 작성자(최민재)는 자료의 작성과 관련하여"},
};

}  // namespace

std::span<const NoticePhrase> notice_phrases() {
  return kNoticePhrases;
}
std::span<const NoticeWord> notice_words() {
  return kNoticeWords;
}

std::vector<const char*> notice_words(std::string_view kind) {
  std::vector<const char*> out;
  for (const NoticeWord& w : kNoticeWords)
    if (kind == w.kind) out.push_back(w.word);
  return out;
}

}  // namespace kreport::vocab
