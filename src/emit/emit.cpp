#include "quotex/emit.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "emit/json_writer.hpp"
#include "text/utf8.hpp"

#include <fmt/ranges.h>

namespace quotex {

std::string_view to_string(RecordType t) {
  switch (t) {
    case RecordType::quote:
      return "quote";
    case RecordType::date:
      return "date";
    case RecordType::amount:
      return "amount";
    case RecordType::target:
      return "target";
    case RecordType::claim:
      return "claim";
  }
  return "?";
}

std::string_view to_string(QuoteKind k) {
  switch (k) {
    case QuoteKind::direct:
      return "direct";
    case QuoteKind::partial:
      return "partial";
    case QuoteKind::indirect:
      return "indirect";
  }
  return "?";
}

std::optional<RecordType> parse_record_type(std::string_view s) {
  for (RecordType t : {RecordType::quote, RecordType::date, RecordType::amount, RecordType::target,
                       RecordType::claim}) {
    if (s == to_string(t)) return t;
  }
  return std::nullopt;
}

std::optional<QuoteKind> parse_quote_kind(std::string_view s) {
  for (QuoteKind k : {QuoteKind::direct, QuoteKind::partial, QuoteKind::indirect}) {
    if (s == to_string(k)) return k;
  }
  return std::nullopt;
}

std::optional<Format> parse_format(std::string_view s) {
  if (s == "jsonl") return Format::jsonl;
  if (s == "json") return Format::json;
  if (s == "csv") return Format::csv;
  if (s == "tsv") return Format::tsv;
  if (s == "text") return Format::text;
  return std::nullopt;
}

namespace json {

void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    bool ok = n > 0 && i + n <= s.size() && !(n == 2 && c < 0xC2);
    for (std::size_t k = 1; ok && k < n; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n == 3) {
      unsigned cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    }
    if (ok && n == 4) {
      unsigned cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
                    (s[i + 3] & 0x3F);
      ok = cp >= 0x10000 && cp <= 0x10FFFF;
    }
    if (ok) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string number(double v) {
  if (!std::isfinite(v)) return "null";  // JSON has no infinity (resolve never makes one)
  if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  return fmt::format("{}", v);
}

}  // namespace json

using json::number;
using json::Obj;
using json::valid_utf8;

std::string to_json(const Record& r) {
  Obj o;
  o.str("doc", r.doc);
  o.str("type", to_string(r.type));
  o.str("text", r.text);
  o.place(r);
  o.str("lang", r.lang);
  o.str("rule", r.rule);
  o.str("id", r.id);
  if (r.meta) o.raw("meta", *r.meta);
  if (r.context) o.str("context", *r.context);
  switch (r.type) {
    case RecordType::quote:
      o.str("kind", to_string(r.kind));
      o.opt("speaker", r.speaker);
      o.opt("speaker_text", r.speaker_text);
      o.opt("cue", r.cue);
      o.opt("cue_class", r.cue_class);
      if (r.speaker_start) {
        o.num("speaker_start", *r.speaker_start);
        o.num("speaker_end", *r.speaker_end);
      } else {
        o.raw("speaker_start", "null");
        o.raw("speaker_end", "null");
      }
      o.opt("speaker_id", r.speaker_id);
      break;
    case RecordType::date:
      o.str("value", r.date_value);
      if (r.relative) o.raw("relative", "true");
      break;
    case RecordType::amount:
    case RecordType::target:
      if (r.type == RecordType::target) o.opt("metric", r.metric);
      o.raw("value", r.value ? number(*r.value) : "null");
      if (r.value_max) o.raw("value_max", number(*r.value_max));
      o.opt("unit", r.unit);
      if (r.type == RecordType::target) o.opt("direction", r.direction);
      o.opt("bound", r.bound);
      if (r.type == RecordType::target) o.opt("deadline", r.deadline);
      break;
    case RecordType::claim: {
      o.opt("speaker", r.speaker);
      o.opt("speaker_id", r.speaker_id);
      o.opt("cue_class", r.cue_class);
      o.opt("predicate", r.predicate);
      o.opt("direction", r.direction);
      o.opt("period", r.period);
      std::string items = "[";
      for (const ClaimItem& item : r.items) {
        if (items.size() > 1) items += ',';
        items += fmt::format(R"({{"type":"{}","start":{},"end":{}}})", to_string(item.type),
                             item.start, item.end);
      }
      o.raw("items", items + "]");
      break;
    }
  }
  o.s.push_back('}');
  return o.s;
}

namespace {

std::string value_text(const Record& r) {
  if (r.type == RecordType::date) return r.date_value;
  if (r.value && r.value_max) return number(*r.value) + "/" + number(*r.value_max);
  if (r.value) return number(*r.value);
  return std::string();
}

std::string cell(std::string_view v, Format f) {
  std::string s = valid_utf8(v);
  if (f == Format::tsv) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  }
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string table_header(Format f) {
  const char* sep = f == Format::tsv ? "\t" : ",";
  static const std::vector<std::string_view> kColumns = {
      "doc",   "type",   "text",      "start",        "end", "line",      "col",   "lang",
      "rule",  "kind",   "speaker",   "speaker_text", "cue", "cue_class", "value", "unit",
      "bound", "metric", "direction", "deadline",     "id",  "speaker_id"};
  return fmt::format("{}\n", fmt::join(kColumns, sep));
}

std::string to_row(const Record& r, Format f) {
  const bool q = r.type == RecordType::quote;
  auto o = [](const std::optional<std::string>& v) { return v ? *v : std::string(); };
  std::vector<std::string> cells = {r.doc,
                                    std::string(to_string(r.type)),
                                    r.text,
                                    std::to_string(r.start),
                                    std::to_string(r.end),
                                    std::to_string(r.line),
                                    std::to_string(r.col),
                                    r.lang,
                                    r.rule,
                                    q ? std::string(to_string(r.kind)) : "",
                                    o(r.speaker),
                                    o(r.speaker_text),
                                    o(r.cue),
                                    o(r.cue_class),
                                    value_text(r),
                                    o(r.unit),
                                    o(r.bound),
                                    o(r.metric),
                                    o(r.direction),
                                    o(r.deadline),
                                    r.id,
                                    o(r.speaker_id)};
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += f == Format::tsv ? "\t" : ",";
    line += cell(cells[i], f);
  }
  return line + "\n";
}

// Text for a terminal: what a document holds must not drive it. Control
// characters (ESC starts colour and OSC sequences, CR rewrites a line) and
// the bidirectional overrides that reorder what is shown are written as
// escapes; a tab stays.
std::string for_terminal(std::string_view s) {
  const std::string v = valid_utf8(s);
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size();) {
    std::size_t len;
    const char32_t c = text::decode(v, i, &len);
    const bool control = (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0);
    const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (control) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    } else if (bidi) {
      out += fmt::format("<U+{:04X}>", static_cast<unsigned>(c));
    } else {
      out.append(v, i, len);
    }
    i += len;
  }
  return out;
}

std::string to_text(const Record& r, bool color) {
  auto paint = [&](std::string_view code, std::string_view s) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  };
  auto t = [](const std::optional<std::string>& v) { return for_terminal(*v); };
  std::string where = paint("2", fmt::format("{}:{}:{}", for_terminal(r.doc), r.line, r.col));
  std::string text = for_terminal(r.text);
  switch (r.type) {
    case RecordType::quote: {
      std::string who = r.speaker ? t(r.speaker) : std::string("?");
      std::string how = r.cue ? fmt::format(" ({})", t(r.cue)) : std::string();
      if (r.cue_class && *r.cue_class != "assert") how += " [" + *r.cue_class + "]";
      return fmt::format("{} {} {} {}{}: “{}”\n", where, paint("1;36", "quote"),
                         paint("2", to_string(r.kind)), paint("1;33", who), how, text);
    }
    case RecordType::date:
      return fmt::format("{} {} {} = {}\n", where, paint("1;35", "date"), text,
                         paint("1", for_terminal(r.date_value)));
    case RecordType::amount:
    case RecordType::target: {
      std::string v = r.value ? number(*r.value) : "?";
      if (r.value_max) v += fmt::format("-{}", number(*r.value_max));
      std::string unit = r.unit ? fmt::format(" {}", t(r.unit)) : "";
      std::string extra;
      if (r.bound) extra += " bound=" + t(r.bound);
      if (r.metric) extra += " metric=" + t(r.metric);
      if (r.direction) extra += " direction=" + t(r.direction);
      if (r.deadline) extra += " deadline=" + t(r.deadline);
      return fmt::format("{} {} {} = {}{}{}\n", where, paint("1;32", to_string(r.type)), text,
                         paint("1", v + unit), extra, "");
    }
    case RecordType::claim: {
      std::string who = r.speaker ? t(r.speaker) : std::string("(the writer)");
      if (r.cue_class && *r.cue_class != "assert") who += " [" + *r.cue_class + "]";
      std::string extra = fmt::format(" ({} figures", r.items.size());
      if (r.predicate) extra += ", " + t(r.predicate);
      if (r.direction) extra += " direction=" + t(r.direction);
      if (r.period) extra += " period=" + t(r.period);
      return fmt::format("{} {} {}: {}{})\n", where, paint("1;34", "claim"), paint("1;33", who),
                         text, extra);
    }
  }
  return std::string();
}

}  // namespace quotex
