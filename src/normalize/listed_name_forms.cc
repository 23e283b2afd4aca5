#include "normalize/listed_name_forms.h"

#include <algorithm>

#include "base/utf8.h"

namespace cordon {
namespace {

// A letter of a script other than Latin (Cyrillic, Arabic, Han, ...):
// outside Latin, combining marks, punctuation and symbol blocks.
bool IsNonLatinLetter(char32_t c) {
  if (c < 0x0370) return false;
  if (c >= 0x1E00 && c <= 0x1EFF) return false;  // Latin Extended Additional
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFE0F) return false;  // variation selectors
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // full-width punctuation
  return true;
}

bool HasAlnum(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, &i);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (c < 0x2000 || c > 0x2BFF) return true;
    }
  }
  return false;
}

// Trims spaces and separators at both ends and collapses inner spaces.
std::string Tidy(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  auto junk = [](char c) { return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '/'; };
  size_t b = 0, e = out.size();
  while (b < e && junk(out[b])) ++b;
  while (e > b && junk(out[e - 1])) --e;
  return out.substr(b, e - b);
}

// A piece of a bracketed group reads as a name: in capitals (ASCII letters
// all upper case, two or more of them) or in a non-Latin script.
bool ReadsAsName(std::string_view s) {
  size_t upper = 0, lower = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, &i);
    if (IsNonLatinLetter(c)) return true;
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return lower == 0 && upper >= 2;
}

// An acronym, or a few of them (ASF SSJO, IRGC-ASF): capitals and digits
// in words of at most five characters.
bool IsAcronym(std::string_view s) {
  if (s.size() > 16) return false;
  size_t word = 0;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '/') {
      word = 0;
      continue;
    }
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' || c == '.')) return false;
    if (++word > 5) return false;
  }
  return true;
}

struct Part {
  std::string main;                 // text outside brackets
  std::vector<std::string> groups;  // contents of top-level bracket groups
};

// Splits at top-level semicolons and separates bracket groups. False when
// the brackets do not balance.
bool SplitParts(std::string_view s, std::vector<Part>* parts) {
  parts->emplace_back();
  int depth = 0;
  std::string group;
  for (char c : s) {
    if (c == '(' || c == '[') {
      if (depth++ > 0) group.push_back(c);
      continue;
    }
    if (c == ')' || c == ']') {
      if (--depth < 0) return false;
      if (depth == 0) {
        parts->back().groups.push_back(std::move(group));
        group.clear();
        parts->back().main.push_back(' ');
      } else {
        group.push_back(c);
      }
      continue;
    }
    if (depth > 0) {
      group.push_back(c);
    } else if (c == ';') {
      parts->emplace_back();
    } else {
      parts->back().main.push_back(c);
    }
  }
  return depth == 0;
}

void Add(std::vector<ListedNameForm>* out, std::string text, bool acronym) {
  if (!HasAlnum(text)) return;
  for (const ListedNameForm& f : *out) {
    if (f.text == text) return;
  }
  out->push_back({std::move(text), acronym});
}

void CollectForms(std::string_view full, int nesting, std::vector<ListedNameForm>* out) {
  std::vector<Part> parts;
  if (nesting > 4 || !SplitParts(full, &parts)) {
    Add(out, Tidy(full), false);
    return;
  }
  for (const Part& p : parts) {
    std::string main = Tidy(p.main);
    const bool has_main = HasAlnum(main);
    if (has_main) Add(out, main, false);
    for (const std::string& g : p.groups) {
      // A group that lists names (UN: "(X (original script); Y; Z)") gives
      // them all; otherwise its pieces that read as names.
      std::vector<ListedNameForm> inner;
      CollectForms(g, nesting + 1, &inner);
      const bool lists_names = g.find(';') != std::string::npos;
      for (ListedNameForm& f : inner) {
        if (!has_main || lists_names) {
          Add(out, std::move(f.text), false);
          continue;
        }
        // "(ISIL-SEA, ISIL-SOUTH EAST ASIA)": capitals split at commas.
        std::string_view t = f.text;
        size_t start = 0;
        while (start <= t.size()) {
          size_t comma = t.find(',', start);
          if (comma == std::string_view::npos) comma = t.size();
          std::string piece = Tidy(t.substr(start, comma - start));
          if (ReadsAsName(piece)) Add(out, piece, IsAcronym(piece));
          start = comma + 1;
        }
      }
    }
  }
}

}  // namespace

std::vector<ListedNameForm> ListedNameForms(std::string_view full) {
  std::vector<ListedNameForm> out;
  bool plain = full.find_first_of(";([") == std::string_view::npos;
  if (plain) {
    out.push_back({std::string(full), false});
    return out;
  }
  CollectForms(full, 0, &out);
  if (out.empty()) out.push_back({std::string(full), false});
  return out;
}

}  // namespace cordon
