#include "handlers/screening_json.h"

#include "ftm_entity.h"

namespace cordon::server {
namespace {

void WriteMentions(const std::vector<TextMention>& mentions, const ServingState& state, double threshold,
                   JsonWriter* out) {
  out->BeginArray();
  for (const TextMention& m : mentions) {
    out->BeginObject();
    out->Key("start");
    out->Int(static_cast<int64_t>(m.start));
    out->Key("end");
    out->Int(static_cast<int64_t>(m.end));
    out->Key("text");
    out->String(m.text);
    out->Key("kind");
    out->String(MentionKindName(m.kind));
    if (m.kind == MentionKind::kSurnameRef) {
      out->Key("refers_to");
      out->Int(static_cast<int64_t>(m.refers_to));
    }
    out->Key("matches");
    out->BeginArray();
    for (const Match& match : m.matches)
      WriteMatch(match, *state.engine, threshold, out, state.MembersOf(match.entity));
    out->EndArray();
    out->EndObject();
  }
  out->EndArray();
}

void WriteJurisdictions(const std::vector<JurisdictionMention>& places, JsonWriter* out) {
  out->BeginArray();
  for (const JurisdictionMention& j : places) {
    out->BeginObject();
    out->Key("code");
    out->String(j.code);
    out->Key("name");
    out->String(j.name);
    out->Key("start");
    out->Int(static_cast<int64_t>(j.start));
    out->Key("end");
    out->Int(static_cast<int64_t>(j.end));
    out->Key("text");
    out->String(j.text);
    out->Key("kind");
    out->String(PlaceKindName(j.kind));
    out->Key("comprehensive");
    out->Bool(j.comprehensive);
    out->Key("programs");
    out->StringArray(j.programs);
    out->EndObject();
  }
  out->EndArray();
}

void WriteListVersions(const std::vector<ListVersion>& versions, JsonWriter* out) {
  out->BeginArray();
  for (const ListVersion& v : versions) {
    out->BeginObject();
    out->Key("source");
    out->String(v.source);
    out->Key("as_of");
    out->String(v.as_of);
    out->Key("version");
    out->String(v.version);
    out->EndObject();
  }
  out->EndArray();
}

}  // namespace

void WriteTextReport(const TextReport& r, const ServingState& state, double threshold, JsonWriter* out) {
  out->BeginObject();
  out->Key("mentions");
  WriteMentions(r.mentions, state, threshold, out);
  out->Key("jurisdictions");
  WriteJurisdictions(r.jurisdictions, out);
  out->Key("list_versions");
  WriteListVersions(r.list_versions, out);
  out->Key("bytes");
  out->Int(static_cast<int64_t>(r.bytes));
  out->Key("words");
  out->Int(static_cast<int64_t>(r.words));
  out->Key("truncated");
  out->Bool(r.truncated);
  out->EndObject();
}

void WritePaymentReport(const PaymentReport& r, const ServingState& state, double threshold, JsonWriter* out) {
  out->BeginObject();
  out->Key("messages");
  out->BeginArray();
  for (const PaymentMessageReport& m : r.messages) {
    out->BeginObject();
    out->Key("index");
    out->Int(static_cast<int64_t>(m.index));
    out->Key("format");
    out->String(PaymentFormatName(m.format));
    out->Key("line");
    out->Int(m.line);
    out->Key("reference");
    out->String(m.reference);
    out->Key("transactions");
    out->Int(static_cast<int64_t>(m.transactions));
    out->Key("status");
    out->String(m.status.ok() ? "ok" : "error");
    if (!m.status.ok()) {
      out->Key("error");
      out->BeginObject();
      out->Key("message");
      out->String(m.status.message());
      out->Key("field");
      out->String(m.status.location().field);
      out->Key("line");
      out->Int(m.status.location().line);
      out->EndObject();
    }
    out->Key("hits");
    out->BeginArray();
    for (const PaymentHit& h : m.hits) {
      out->BeginObject();
      out->Key("field");
      out->String(h.field);
      out->Key("transaction");
      out->Int(h.transaction);
      out->Key("kind");
      out->String(FieldKindName(h.kind));
      out->Key("value");
      out->String(h.value);
      out->Key("matches");
      out->BeginArray();
      for (const Match& match : h.matches)
        WriteMatch(match, *state.engine, threshold, out, state.MembersOf(match.entity));
      out->EndArray();
      out->Key("mentions");
      WriteMentions(h.mentions, state, threshold, out);
      out->Key("jurisdictions");
      WriteJurisdictions(h.jurisdictions, out);
      out->EndObject();
    }
    out->EndArray();
    out->EndObject();
  }
  out->EndArray();
  out->Key("list_versions");
  WriteListVersions(r.list_versions, out);
  out->Key("messages_with_hits");
  out->Int(static_cast<int64_t>(r.messages_with_hits));
  out->Key("messages_failed");
  out->Int(static_cast<int64_t>(r.messages_failed));
  out->EndObject();
}

}  // namespace cordon::server
