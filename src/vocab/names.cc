// Korean family names. A Korean person's name is a family name of one syllable (two for the
// few compound ones) and a given name of one or two: `김광식`, `남궁민`. Words that stand
// where an analyst's name stands on a cover (a sector heading `인터넷`, `게임`, a sentence's
// `중반`, `의견`, `적자를`) are two to four syllables of Hangul too, and most of them open with
// no family name. The table holds the family names of more than 99.5% of Koreans (Statistics
// Korea's 2015 census lists about 280; the rarest, borne by a few thousand people each, are
// left out where they are also the first syllable of common words: 사, 부, 가, 동, 당, 상, 호…),
// and 류 beside 유 (the initial-sound rule's two spellings of one name).
#include <algorithm>

#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

const Surname kSurnames[] = {
    // Compound family names first: `남궁민` is 남궁 + 민, not 남 + 궁민.
    {"남궁", "남궁민"}, {"황보", "황보준"}, {"제갈", "제갈윤"}, {"사공", "사공진"},
    {"선우", "선우현"}, {"서문", "서문기"}, {"독고", "독고영"}, {"동방", "동방훈"},
    {"김", "김광식"},   {"이", "이수림"},   {"박", "박성민"},   {"최", "최민재"},
    {"정", "정원석"},   {"강", "강재구"},   {"조", "조현우"},   {"윤", "윤서준"},
    {"장", "장우람"},   {"임", "임지영"},   {"한", "한동희"},   {"오", "오현진"},
    {"서", "서석준"},   {"신", "신윤철"},   {"권", "권명준"},   {"황", "황도윤"},
    {"안", "안지호"},   {"송", "송명섭"},   {"전", "전유진"},   {"홍", "홍지원"},
    {"유", "유하준"},   {"고", "고찬결"},   {"문", "문준호"},   {"양", "양서윤"},
    {"손", "손우성"},   {"배", "배민서"},   {"백", "백재승"},   {"허", "허선재"},
    {"남", "남대종"},   {"심", "심은주"},   {"노", "노경탁"},   {"하", "하지민"},
    {"곽", "곽도현"},   {"성", "성종화"},   {"차", "차은호"},   {"주", "주하린"},
    {"우", "우지훈"},   {"구", "구민재"},   {"민", "민서연"},   {"류", "류형근"},
    {"나", "나윤호"},   {"진", "진서하"},   {"지", "지태민"},   {"엄", "엄수진"},
    {"채", "채윤아"},   {"원", "원준서"},   {"천", "천은비"},   {"방", "방현우"},
    {"공", "공지유"},   {"현", "현도하"},   {"함", "함서준"},   {"변", "변지원"},
    {"염", "염민호"},   {"여", "여하늘"},   {"추", "추지환"},   {"도", "도윤서"},
    {"소", "소민준"},   {"석", "석진우"},   {"선", "선하은"},   {"설", "설민규"},
    {"마", "마준영"},   {"길", "길서진"},   {"연", "연지수"},   {"위", "위승현"},
    {"표", "표지훈"},   {"명", "명하윤"},   {"기", "기성훈"},   {"반", "반지호"},
    {"왕", "왕서연"},   {"금", "금민석"},   {"옥", "옥지현"},   {"육", "육태준"},
    {"인", "인서윤"},   {"맹", "맹준혁"},   {"제", "제서우"},   {"모", "모지은"},
    {"탁", "탁현준"},   {"국", "국민혁"},   {"어", "어지훈"},   {"은", "은서진"},
    {"편", "편도윤"},   {"용", "용하준"},   {"예", "예지민"},   {"경", "경서우"},
    {"봉", "봉하준"},
};

}  // namespace

std::span<const Surname> surnames() {
  return kSurnames;
}

const Surname* surname_of(std::string_view name) {
  const Surname* hit = std::find_if(std::begin(kSurnames), std::end(kSurnames),
                                    [&](const Surname& s) { return name.starts_with(s.name); });
  return hit == std::end(kSurnames) ? nullptr : hit;
}

}  // namespace kreport::vocab
