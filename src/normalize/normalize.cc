// Text normalization with ICU. The steps, in order:
//   1. full-width forms (decomposition type "wide": "２０２４", "（", U+3000) -> NFKC, which
//      makes them ASCII; other compatibility characters (①, ㈜, ㎡) are left as printed;
//   2. Hangul compatibility jamo spelled out as syllables ("ㅎㅏㄴ") -> conjoining jamo, found
//      through the Unicode character names, so step 3 composes them; a lone "ㅋ" stays;
//   3. NFC, which also composes decomposed syllables ("ᄒ"+"ᅡ"+"ᆫ" -> "한");
//   4. default-ignorable characters (ZWSP, ZWJ, soft hyphen, BOM, Hangul filler), controls
//      and private-use glyphs (unmapped symbol fonts) dropped; every white space becomes one
//      plain space, runs collapse, ends are trimmed.
#include "kreport/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kreport {
namespace {

constexpr UChar32 kCompatJamoFirst = 0x3131, kCompatJamoLast = 0x318E;

// Conjoining jamo for each compatibility jamo, as leading consonant, vowel, trailing consonant
// (0 where there is none). Derived from the names: "HANGUL LETTER NIEUN" -> "HANGUL CHOSEONG
// NIEUN" / "HANGUL JONGSEONG NIEUN".
struct JamoForms {
  UChar32 lead = 0, vowel = 0, trail = 0;
};

struct Tables {
  const icu::Normalizer2* nfc = nullptr;
  std::unique_ptr<icu::Normalizer2> wide_to_ascii;  // NFKC, but only for `wide`
  icu::UnicodeSet wide, space, dropped, garbage;

  Tables() {
    UErrorCode err = U_ZERO_ERROR;
    nfc = icu::Normalizer2::getNFCInstance(err);
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
    wide.applyPattern(u"[:Decomposition_Type=Wide:]", err);
    space.applyPattern(u"[[:White_Space:][:Zs:]]", err);
    dropped.applyPattern(u"[[:Default_Ignorable_Code_Point:][:Cc:][:Co:][:Cn:][:Cs:]]", err);
    dropped.removeAll(space);
    // What no text of any script contains: private use, the replacement character,
    // controls, unassigned code points, lone surrogates. Letters of every script are text.
    garbage.applyPattern(u"[[:Co:][:Cn:][:Cs:][:Cc:][\\uFFFD]]", err);
    garbage.removeAll(space);
    if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU: ") + u_errorName(err));
    wide.freeze();
    space.freeze();
    dropped.freeze();
    garbage.freeze();
    wide_to_ascii = std::make_unique<icu::FilteredNormalizer2>(*nfkc, wide);
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

using JamoTable = std::array<JamoForms, kCompatJamoLast - kCompatJamoFirst + 1>;

// Built on first use only (most documents have no compatibility jamo), by name: each
// conjoining jamo's name is read once (u_charName is a direct look-up, where 282 searches by
// name with u_charFromName cost ~20 ms).
const JamoTable& jamo_table() {
  static const JamoTable table = [] {
    auto name_of = [](UChar32 c) {
      char name[128];
      UErrorCode e = U_ZERO_ERROR;
      int32_t n = u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &e);
      return U_SUCCESS(e) ? std::string(name, static_cast<size_t>(n)) : std::string();
    };
    // "HANGUL CHOSEONG NIEUN" -> {"CHOSEONG", "NIEUN"}, over the three conjoining blocks.
    std::map<std::pair<std::string, std::string>, UChar32> conjoining;
    const std::string hangul = "HANGUL ";
    for (auto [first, last] :
         {std::pair<UChar32, UChar32>{0x1100, 0x11FF}, {0xA960, 0xA97F}, {0xD7B0, 0xD7FF}})
      for (UChar32 c = first; c <= last; ++c) {
        std::string n = name_of(c);
        size_t space = n.find(' ', hangul.size());
        if (n.rfind(hangul, 0) != 0 || space == std::string::npos) continue;
        conjoining.emplace(
            std::pair{n.substr(hangul.size(), space - hangul.size()), n.substr(space + 1)}, c);
      }
    auto find = [&](const char* kind, const std::string& suffix) {
      auto it = conjoining.find({kind, suffix});
      return it == conjoining.end() ? UChar32{0} : it->second;
    };
    JamoTable jamo{};
    const std::string prefix = "HANGUL LETTER ";
    for (UChar32 c = kCompatJamoFirst; c <= kCompatJamoLast; ++c) {
      std::string n = name_of(c);
      if (n.rfind(prefix, 0) != 0) continue;
      std::string suffix = n.substr(prefix.size());
      jamo[c - kCompatJamoFirst] = {find("CHOSEONG", suffix), find("JUNGSEONG", suffix),
                                    find("JONGSEONG", suffix)};
    }
    return jamo;
  }();
  return table;
}

const JamoForms* compat_jamo(UChar32 c) {
  if (c < kCompatJamoFirst || c > kCompatJamoLast) return nullptr;
  return &jamo_table()[c - kCompatJamoFirst];
}

// Rewrites syllables spelled with compatibility jamo (consonant, vowel, optional final
// consonant not followed by a vowel) as conjoining jamo; anything else is left alone.
icu::UnicodeString compose_compat_jamo(const icu::UnicodeString& in) {
  std::vector<UChar32> cps;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) cps.push_back(in.char32At(i));
  icu::UnicodeString out;
  for (size_t i = 0; i < cps.size(); ++i) {
    const JamoForms* l = compat_jamo(cps[i]);
    const JamoForms* v = i + 1 < cps.size() ? compat_jamo(cps[i + 1]) : nullptr;
    if (!l || !l->lead || !v || !v->vowel) {
      out.append(cps[i]);
      continue;
    }
    out.append(l->lead).append(v->vowel);
    i += 1;
    const JamoForms* t = i + 1 < cps.size() ? compat_jamo(cps[i + 1]) : nullptr;
    const JamoForms* after = i + 2 < cps.size() ? compat_jamo(cps[i + 2]) : nullptr;
    if (t && t->trail && !(after && after->vowel)) {
      out.append(t->trail);
      i += 1;
    }
  }
  return out;
}

bool has_compat_jamo(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); ++i)
    if (s[i] >= kCompatJamoFirst && s[i] <= kCompatJamoLast) return true;
  return false;
}

}  // namespace

std::string normalize(std::string_view utf8, int* dropped_count) {
  const Tables& t = tables();
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  s = t.wide_to_ascii->normalize(s, err);
  if (has_compat_jamo(s)) s = compose_compat_jamo(s);
  s = t.nfc->normalize(s, err);
  if (U_FAILURE(err)) return sanitize_utf8(utf8);

  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (t.space.contains(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (t.dropped.contains(c)) {
      if (dropped_count && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        ++*dropped_count;
      continue;
    }
    if (pending_space) out.append(UChar32(' '));
    pending_space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

TextQuality assess(std::string_view utf8) {
  const Tables& t = tables();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  TextQuality q;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (t.space.contains(c)) continue;
    ++q.visible;
    if (t.garbage.contains(c)) ++q.unmapped;
  }
  return q;
}

bool is_unmapped(const TextQuality& q) {
  // A font without a Unicode map makes poppler read glyph ids as code points. In the
  // standard TrueType glyph order digits and punctuation are glyphs 3-34, so they come out
  // as C0 controls ("2024.11.14" -> U+0015 U+0013 ...), and Hangul syllables (glyphs in the
  // thousands) land all over the BMP, often on unassigned code points: fixtures/odd/
  // unmapped_glyphs.pdf gives 126 such characters of 348 (36%). Text in a script gives
  // next to none: the 36 real reports at most 3.3% (symbol-font bullets, DROPPED_SYMBOLS),
  // the Thai page of pdf.js issue13211 6.4% (its font maps tone marks to private-use
  // positional forms). A sixth lies well between.
  constexpr int kMinVisible = 8;
  constexpr int kUnmappedShareDenominator = 6;
  return q.visible >= kMinVisible && q.unmapped * kUnmappedShareDenominator >= q.visible;
}

size_t display_width(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  size_t width = 0;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    int w = u_getIntPropertyValue(s.char32At(i), UCHAR_EAST_ASIAN_WIDTH);
    width += w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

std::string sanitize_utf8(std::string_view bytes) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), bytes.size()));
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace kreport
