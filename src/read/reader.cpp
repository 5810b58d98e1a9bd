#include "read/reader.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace quotex::read {

namespace fs = std::filesystem;

namespace {

Error input_error(const std::string& file, int line, int col, std::string msg) {
  return Error{ErrorKind::input, file, line, col, std::move(msg)};
}

enum class ReadResult { ok, error, too_large };

ReadResult read_stream(std::FILE* f, std::size_t max, std::string* out) {
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > max) {
      out->clear();
      out->shrink_to_fit();
      return ReadResult::too_large;
    }
    out->append(buf, n);
  }
  return std::ferror(f) == 0 ? ReadResult::ok : ReadResult::error;
}

bool looks_binary(std::string_view s) {
  std::string_view head = s.substr(0, 8192);
  std::size_t nul = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0'));
  return nul * 100 > head.size();  // more than 1% NUL bytes
}

bool read_jsonl(std::FILE* f, const std::string& name, std::size_t max_line,
                const DocumentFn& on_doc, const ErrorFn& on_error) {
  bool ok = true;
  std::string line;
  int line_no = 0;
  int c;
  bool overlong = false;
  auto flush_line = [&]() {
    ++line_no;
    if (overlong) {
      overlong = false;
      line.clear();
      return;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) {
      Document doc;
      Error err;
      if (parse_jsonl_line(line, name, line_no, &doc, &err)) {
        on_doc(std::move(doc));
      } else {
        on_error(err);
        ok = false;
      }
    }
    line.clear();
  };
  while ((c = std::getc(f)) != EOF) {
    if (c == '\n') {
      flush_line();
    } else if (line.size() < max_line) {
      line.push_back(static_cast<char>(c));
    } else if (!overlong) {
      overlong = true;
      on_error(input_error(name, line_no + 1, 1,
                           fmt::format("line longer than {} bytes skipped", max_line)));
      ok = false;
    }
  }
  if (!line.empty()) flush_line();
  return ok;
}

bool read_one(const std::string& path, const std::string& name, const ReadOptions& opt,
              const DocumentFn& on_doc, const ErrorFn& on_error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    on_error(input_error(name, 0, 0, fmt::format("cannot open: {}", std::strerror(errno))));
    return false;
  }
  bool ok = true;
  if (opt.format == InputFormat::jsonl) {
    ok = read_jsonl(f, name, opt.max_document_bytes, on_doc, on_error);
  } else {
    std::string text;
    const ReadResult rr = read_stream(f, opt.max_document_bytes, &text);
    if (rr == ReadResult::error) {
      on_error(input_error(name, 0, 0, fmt::format("read error: {}", std::strerror(errno))));
      ok = false;
    } else if (rr == ReadResult::too_large) {
      on_error(input_error(
          name, 0, 0,
          fmt::format("document larger than {} bytes skipped", opt.max_document_bytes)));
      ok = false;
    } else if (looks_binary(text)) {
      on_error(input_error(name, 0, 0, "binary file skipped"));
      ok = false;
    } else {
      on_doc(Document{name, std::move(text), "", ""});
    }
  }
  if (f != stdin) std::fclose(f);
  return ok;
}

}  // namespace

bool parse_jsonl_line(std::string_view line, const std::string& file, int line_no, Document* doc,
                      Error* err) {
  using namespace simdjson;
  thread_local dom::parser parser;
  dom::element root;
  auto error = parser.parse(line.data(), line.size()).get(root);
  if (error) {
    *err = input_error(file, line_no, 1, fmt::format("invalid JSON: {}", error_message(error)));
    return false;
  }
  dom::object obj;
  if (root.get_object().get(obj)) {
    *err = input_error(file, line_no, 1, "a JSON Lines document must be an object");
    return false;
  }
  std::string_view sv;
  if (obj["text"].get_string().get(sv)) {
    *err = input_error(file, line_no, 1, "missing string field \"text\"");
    return false;
  }
  doc->text = std::string(sv);
  doc->id = fmt::format("{}:{}", file, line_no);
  dom::element idv;
  if (!obj["id"].get(idv)) {
    if (idv.is_string()) {
      doc->id = std::string(idv.get_string().value_unsafe());
    } else if (idv.is_int64()) {
      doc->id = std::to_string(idv.get_int64().value_unsafe());
    } else if (idv.is_uint64()) {
      doc->id = std::to_string(idv.get_uint64().value_unsafe());
    }
  }
  if (!obj["lang"].get_string().get(sv)) doc->lang = std::string(sv);
  if (!obj["date"].get_string().get(sv)) doc->date = std::string(sv);
  return true;
}

bool read_all(const std::vector<std::string>& paths, const ReadOptions& opt,
              const DocumentFn& on_doc, const ErrorFn& on_error) {
  bool ok = true;
  std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"-"} : paths;
  for (const std::string& p : inputs) {
    if (p == "-") {
      ok &= read_one("-", "-", opt, on_doc, on_error);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      if (!opt.recursive) {
        on_error(input_error(p, 0, 0, "is a directory (use -r to read folders)"));
        ok = false;
        continue;
      }
      std::vector<std::string> files;
      auto it =
          fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::end(it); it.increment(ec)) {
        std::error_code fec;
        if (!it->is_regular_file(fec)) continue;
        std::string f = it->path().string();
        // Gold files beside samples are not articles.
        if (f.ends_with(".gold.json")) continue;
        if (opt.format == InputFormat::jsonl
                ? !(f.ends_with(".jsonl") || f.ends_with(".ndjson"))
                : !(f.ends_with(".txt") || f.ends_with(".text") || f.ends_with(".md"))) {
          continue;
        }
        files.push_back(f);
      }
      if (ec) {
        on_error(input_error(p, 0, 0, ec.message()));
        ok = false;
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) ok &= read_one(f, f, opt, on_doc, on_error);
      continue;
    }
    ok &= read_one(p, p, opt, on_doc, on_error);
  }
  return ok;
}

}  // namespace quotex::read
