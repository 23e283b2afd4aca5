#include "text/han_readings.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <unordered_set>

namespace cordon {
namespace {

struct HanjaReading {
  char32_t code;
  char16_t first;
  char16_t second;
};

#include "text/han_readings.inc"

// Common Chinese family names (simplified and traditional forms) and Korean
// family names in hanja. A name in running text is only looked for where
// one of these begins it.
constexpr std::u32string_view kFamilyNames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    U"姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    U"向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    U"单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    U"娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    U"乐匡"
    U"張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧蔣鍾譚陸賈韋鄒閆閻龍賀顧龔錢嚴湯齊喬龐顏聶魯歐關蘭寧紀畢單"
    U"塗駱藍鮑華饒陽農項連蘆麥婁竇黨費衛應閔鄔師欒榮鞏樂"
    U"朴鄭裵權洪盧河車禹具兪羅嚴蔡元千玄咸廉秋都愼延表奇琴玉陸印諸太睦皮承魚慶";

constexpr std::u32string_view kCompoundFamilyNames[] = {
    U"欧阳", U"歐陽", U"司马", U"司馬", U"上官", U"诸葛", U"諸葛", U"东方", U"東方",
    U"皇甫", U"尉迟", U"尉遲", U"公孙", U"公孫", U"慕容", U"令狐", U"夏侯", U"司徒",
    U"南宫", U"南宮", U"鲜于", U"鮮于", U"独孤", U"獨孤", U"西门", U"西門", U"司空"};

}  // namespace

bool IsHanCharacter(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005;  // 々 repeats the previous ideograph
}

size_t PinyinIndexOf(char32_t c) {
  if (c < kPinyinFirst || c >= kPinyinFirst + std::size(kPinyinIndex)) return 0;
  return kPinyinIndex[c - kPinyinFirst];
}

std::string_view PinyinOf(char32_t c) { return kPinyinSyllables[PinyinIndexOf(c)]; }

size_t PinyinSyllableCount() { return std::size(kPinyinSyllables); }

std::string_view PinyinSyllable(size_t index) { return kPinyinSyllables[index]; }

int HangulReadingsOf(char32_t c, char32_t out[2]) {
  const auto* end = std::end(kHanjaReadings);
  const auto* it = std::lower_bound(std::begin(kHanjaReadings), end, c,
                                    [](const HanjaReading& r, char32_t code) { return r.code < code; });
  if (it == end || it->code != c) return 0;
  out[0] = it->first;
  out[1] = it->second;
  return it->second == 0 ? 1 : 2;
}

size_t HanFamilyNameLength(std::u32string_view name) {
  if (name.empty()) return 0;
  if (name.size() >= 2) {
    for (std::u32string_view compound : kCompoundFamilyNames) {
      if (name.substr(0, 2) == compound) return 2;
    }
  }
  static const auto* single = new std::unordered_set<char32_t>(kFamilyNames.begin(), kFamilyNames.end());
  return single->count(name[0]) > 0 ? 1 : 0;
}

std::vector<std::u32string> HanFamilyNames() {
  std::vector<std::u32string> out;
  for (char32_t c : kFamilyNames) out.emplace_back(1, c);
  for (std::u32string_view compound : kCompoundFamilyNames) out.emplace_back(compound);
  return out;
}

std::vector<size_t> HanWordBoundaries(std::u32string_view run) {
  const bool kana =
      std::any_of(run.begin(), run.end(), [](char32_t c) { return c >= 0x3040 && c <= 0x30FF; });
  // Break iterators are not thread-safe: one pair per thread.
  struct Iterators {
    std::unique_ptr<icu::BreakIterator> zh, ja;
    Iterators() {
      UErrorCode status = U_ZERO_ERROR;
      zh.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
      status = U_ZERO_ERROR;
      ja.reset(icu::BreakIterator::createWordInstance(icu::Locale::getJapanese(), status));
    }
  };
  thread_local Iterators iterators;
  std::vector<size_t> out;
  icu::BreakIterator* it = kana ? iterators.ja.get() : iterators.zh.get();
  if (it == nullptr) {  // no ICU data: every character is a word
    for (size_t i = 0; i <= run.size(); ++i) out.push_back(i);
    return out;
  }
  const icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(run.data()),
                                                             static_cast<int32_t>(run.size()));
  it->setText(u);
  // UTF-16 offsets back to character indices.
  size_t chars = 0;
  int32_t units = 0;
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    while (units < b) {
      units += U16_IS_LEAD(u.charAt(units)) ? 2 : 1;
      ++chars;
    }
    out.push_back(chars);
  }
  it->setText(icu::UnicodeString());  // do not keep a pointer to `u`
  return out;
}

}  // namespace cordon
