#include "lists/common/date_parser.h"

#include <cctype>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace cordon {
namespace {

int MonthFromName(std::string_view w) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  std::string lower;
  for (char c : w) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (int i = 0; i < 12; ++i) {
    if (lower.compare(0, 3, kMonths[i]) == 0) {
      // Accept "oct", "october", "sept"; reject "octopus".
      static const char* kFull[] = {"january", "february", "march",     "april",   "may",      "june",
                                    "july",    "august",   "september", "october", "november", "december"};
      std::string_view full = kFull[i];
      if (lower.size() <= full.size() && full.compare(0, lower.size(), lower) == 0) return i + 1;
      if (lower == "sept") return 9;
      return 0;
    }
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return v;
}

bool ValidYear(int y) { return y >= 1000 && y <= 2999; }

bool Valid(const PartialDate& d) {
  if (!ValidYear(d.year)) return false;
  if (d.month < 0 || d.month > 12) return false;
  if (d.day < 0 || d.day > 31) return false;
  if (d.day > 0 && d.month == 0) return false;
  if (d.day > 0) {
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    int max_day = d.month == 2 ? (leap ? 29 : 28) : kDays[d.month - 1];
    if (d.day > max_day) return false;
  }
  if (d.year_to != 0 && (!ValidYear(d.year_to) || d.year_to < d.year)) return false;
  return true;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "dd", "mm", "00", "0" or digits -> value (0 = unknown); -1 if not a number.
int DatePart(std::string_view s) {
  if (s == "dd" || s == "DD" || s == "mm" || s == "MM") return 0;
  if (!AllDigits(s) || s.size() > 4) return -1;
  return ToInt(s);
}

}  // namespace

bool ParsePartialDate(std::string_view text, PartialDate* out, SlashOrder order) {
  *out = PartialDate();
  std::string_view t = TrimAscii(text);
  if (t.empty() || t.size() > 64) return false;
  PartialDate d;
  std::string lower;
  for (char c : t) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string_view l = lower;
  for (std::string_view prefix : {"circa ", "approximately ", "approx. ", "approx ", "c. ", "about ", "ca. "}) {
    if (l.substr(0, prefix.size()) == prefix) {
      d.approximate = true;
      l = TrimAscii(l.substr(prefix.size()));
      break;
    }
  }
  // Ranges: "1960 to 1962", "1960-1962", "between 1960 and 1962".
  if (l.substr(0, 8) == "between ") l = l.substr(8);
  for (std::string_view sep : {" to ", " and ", " - "}) {
    size_t p = l.find(sep);
    if (p != std::string_view::npos) {
      std::string_view a = TrimAscii(l.substr(0, p));
      std::string_view b = TrimAscii(l.substr(p + sep.size()));
      PartialDate da, db;
      if (!ParsePartialDate(a, &da, order) || !ParsePartialDate(b, &db, order)) return false;
      d.year = da.year;
      d.year_to = db.year;
      if (d.year_to == d.year) {
        d.year_to = 0;
        d.month = da.month;
        d.day = da.day;
      }
      if (!Valid(d)) return false;
      *out = d;
      return true;
    }
  }
  if (l.size() == 9 && AllDigits(l.substr(0, 4)) && l[4] == '-' && AllDigits(l.substr(5))) {
    d.year = ToInt(l.substr(0, 4));
    d.year_to = ToInt(l.substr(5));
    if (!Valid(d)) return false;
    *out = d;
    return true;
  }
  // ISO forms.
  if (l.size() >= 4 && AllDigits(l.substr(0, 4)) && (l.size() == 4 || l[4] == '-')) {
    d.year = ToInt(l.substr(0, 4));
    if (l.size() > 4) {
      std::string_view rest = l.substr(5);
      size_t dash = rest.find('-');
      std::string_view m = rest.substr(0, dash);
      if (!AllDigits(m) || m.size() > 2) return false;
      d.month = ToInt(m);
      if (dash != std::string_view::npos) {
        std::string_view dd = rest.substr(dash + 1);
        // Tolerate a time part: "1952-10-07T00:00:00".
        size_t tpos = dd.find('t');
        if (tpos != std::string_view::npos) dd = dd.substr(0, tpos);
        if (!AllDigits(dd) || dd.size() > 2) return false;
        d.day = ToInt(dd);
      }
    }
    if (!Valid(d)) return false;
    *out = d;
    return true;
  }
  // Slash forms.
  if (l.find('/') != std::string_view::npos) {
    std::vector<std::string_view> parts;
    size_t b = 0;
    for (size_t i = 0; i <= l.size(); ++i) {
      if (i == l.size() || l[i] == '/') {
        parts.push_back(TrimAscii(l.substr(b, i - b)));
        b = i + 1;
      }
    }
    if (parts.size() != 3) return false;
    int p0 = DatePart(parts[0]), p1 = DatePart(parts[1]), y = DatePart(parts[2]);
    if (p0 < 0 || p1 < 0 || y < 0 || parts[2].size() != 4) return false;
    d.year = y;
    if (order == SlashOrder::kDayFirst) {
      d.day = p0;
      d.month = p1;
    } else {
      d.month = p0;
      d.day = p1;
    }
    if (d.month == 0) d.day = 0;
    if (!Valid(d)) return false;
    *out = d;
    return true;
  }
  // Word forms: "07 Oct 1952", "Oct 1952", "October 7, 1952".
  std::vector<std::string_view> w = SplitWords(l);
  if (w.empty() || w.size() > 3) return false;
  std::string_view year = w.back();
  if (!AllDigits(year) || year.size() != 4) return false;
  d.year = ToInt(year);
  if (w.size() == 2) {
    d.month = MonthFromName(w[0]);
    if (d.month == 0) return false;
  } else if (w.size() == 3) {
    if (AllDigits(w[0]) && w[0].size() <= 2) {
      d.day = ToInt(w[0]);
      d.month = MonthFromName(w[1]);
    } else if (AllDigits(w[1]) && w[1].size() <= 2) {
      d.month = MonthFromName(w[0]);
      d.day = ToInt(w[1]);
    } else {
      return false;
    }
    if (d.month == 0) return false;
  }
  if (!Valid(d)) return false;
  *out = d;
  return true;
}

}  // namespace cordon
