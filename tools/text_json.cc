#include "text_json.h"

#include <cstdio>

#include "model/match_json.h"

namespace cordon {

void WriteMentionJson(const TextMention& m, JsonWriter* w) {
  w->BeginObject();
  w->Key("text");
  w->String(m.text);
  w->Key("start");
  w->Int(static_cast<long long>(m.start));
  w->Key("end");
  w->Int(static_cast<long long>(m.end));
  w->Key("kind");
  w->String(MentionKindName(m.kind));
  if (m.kind == MentionKind::kSurnameRef) {
    w->Key("refers_to");
    w->Int(static_cast<long long>(m.refers_to));
  }
  w->Key("matches");
  WriteMatchesJson(m.matches, w);
  w->EndObject();
}

void WriteJurisdictionJson(const JurisdictionMention& j, JsonWriter* w) {
  w->BeginObject();
  w->Key("code");
  w->String(j.code);
  w->Key("name");
  w->String(j.name);
  w->Key("text");
  w->String(j.text);
  w->Key("start");
  w->Int(static_cast<long long>(j.start));
  w->Key("end");
  w->Int(static_cast<long long>(j.end));
  w->Key("kind");
  w->String(PlaceKindName(j.kind));
  w->Key("comprehensive");
  w->Bool(j.comprehensive);
  w->Key("programs");
  w->StringArray(j.programs);
  w->EndObject();
}

void WriteListVersionsJson(const std::vector<ListVersion>& versions, JsonWriter* w) {
  w->BeginObject();
  for (const ListVersion& v : versions) {
    w->Key(v.source);
    w->BeginObject();
    w->Key("as_of");
    w->String(v.as_of);
    w->Key("version");
    w->String(v.version);
    w->EndObject();
  }
  w->EndObject();
}

void WritePaymentMessageJson(const PaymentMessageReport& m, JsonWriter* w) {
  w->BeginObject();
  w->Key("index");
  w->Int(static_cast<long long>(m.index));
  w->Key("format");
  w->String(PaymentFormatName(m.format));
  w->Key("line");
  w->Int(m.line);
  w->Key("reference");
  w->String(m.reference);
  w->Key("transactions");
  w->Int(static_cast<long long>(m.transactions));
  w->Key("status");
  w->String(m.status.ok() ? "ok" : "error");
  if (!m.status.ok()) {
    w->Key("error");
    w->BeginObject();
    w->Key("message");
    w->String(m.status.message());
    w->Key("field");
    w->String(m.status.location().field);
    w->Key("line");
    w->Int(m.status.location().line);
    w->EndObject();
  }
  w->Key("hits");
  w->BeginArray();
  for (const PaymentHit& h : m.hits) {
    w->BeginObject();
    w->Key("field");
    w->String(h.field);
    w->Key("transaction");
    w->Int(h.transaction);
    w->Key("kind");
    w->String(FieldKindName(h.kind));
    w->Key("value");
    w->String(h.value);
    w->Key("matches");
    WriteMatchesJson(h.matches, w);
    w->Key("mentions");
    w->BeginArray();
    for (const auto& x : h.mentions) WriteMentionJson(x, w);
    w->EndArray();
    w->Key("jurisdictions");
    w->BeginArray();
    for (const auto& x : h.jurisdictions) WriteJurisdictionJson(x, w);
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

std::string DescribeMatch(const Match& m) {
  const Entity& e = *m.entity;
  char score[32];
  std::snprintf(score, sizeof(score), "%.3f", m.score);
  std::string s = std::string(score) + " " + std::string(MatchStrengthName(m.strength)) + "  " + e.source +
                  " " + e.source_id + "  " + (e.names.empty() ? "" : e.names[0].full) + " [" +
                  std::string(SchemaName(e.schema)) + "]";
  if (!e.programs.empty()) {
    s += " programs:";
    for (const auto& p : e.programs) s += " " + p;
  }
  s += "\n      why: " + m.explanation.summary;
  // The summary names the list version; say it when it does not.
  if (m.explanation.summary.find(m.explanation.list_version) == std::string::npos) {
    s += " (list " + e.source + " as of " + m.explanation.list_as_of + ", version " +
         m.explanation.list_version + ")";
  }
  return s;
}

std::string DescribeJurisdiction(const JurisdictionMention& j) {
  std::string s = j.code + " " + j.name + " (" + std::string(PlaceKindName(j.kind)) +
                  (j.comprehensive ? ", comprehensive" : "") + ")";
  if (!j.programs.empty()) {
    s += " programs:";
    size_t shown = 0;
    for (const auto& p : j.programs) {
      if (++shown > 6) {
        s += " +" + std::to_string(j.programs.size() - 6) + " more";
        break;
      }
      s += " " + p + ";";
    }
  }
  return s;
}

}  // namespace cordon
