#include "read/reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>

#include "emit/json_writer.hpp"
#include "read/decode.hpp"
#include "util/iso_date.hpp"

namespace quotex::read {

namespace fs = std::filesystem;

namespace {

Error input_error(const std::string& file, int line, int col, std::string msg) {
  return Error{ErrorKind::input, file, line, col, std::move(msg)};
}

bool looks_binary(std::string_view s) {
  std::string_view head = s.substr(0, 8192);
  std::size_t nul = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0'));
  return nul * 100 > head.size();  // more than 1% NUL bytes
}

// An open input. Named FIFOs are opened without blocking: one with no
// writer would otherwise hang the run, so it is reported and skipped.
class Input {
 public:
  ~Input() {
    if (fd_ > 0) ::close(fd_);
  }
  // Opens path ("-": stdin); false with *why set when it cannot be read.
  bool open(const std::string& path, std::string* why) {
    if (path == "-") {
      fd_ = 0;
      return true;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
      *why = fmt::format("cannot open: {}", std::strerror(errno));
      return false;
    }
    struct stat st;
    if (::fstat(fd_, &st) != 0) {
      *why = fmt::format("cannot open: {}", std::strerror(errno));
      return false;
    }
    if (S_ISDIR(st.st_mode)) {
      *why = "is a directory (use -r to read folders)";
      return false;
    }
    if (S_ISFIFO(st.st_mode)) {
      // Without a writer a non-blocking read says end of file at once;
      // with one it has data or would block.
      char c;
      ssize_t n;
      while ((n = ::read(fd_, &c, 1)) < 0 && errno == EINTR) {
      }
      if (n == 0) {
        *why = "a pipe with no writer, skipped";
        return false;
      }
      if (n == 1) pending_.assign(1, c);
    }
    const int flags = ::fcntl(fd_, F_GETFL);
    if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
    return true;
  }
  // Appends up to `cap` bytes; returns the count, 0 at the end, -1 on error.
  ssize_t read(std::string* out, std::size_t cap) {
    if (!pending_.empty()) {
      out->append(pending_);
      pending_.clear();
      return 1;
    }
    const std::size_t at = out->size();
    out->resize(at + cap);
    ssize_t n;
    while ((n = ::read(fd_, out->data() + at, cap)) < 0 && errno == EINTR) {
    }
    out->resize(at + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    return n;
  }

 private:
  int fd_ = -1;
  std::string pending_;
};

constexpr std::size_t kReadChunk = 1 << 16;

bool read_text(Input& in, const std::string& name, const ReadOptions& opt, const DocumentFn& on_doc,
               const ErrorFn& on_error) {
  Document doc;
  doc.id = name;
  ssize_t n;
  while ((n = in.read(&doc.text, kReadChunk)) > 0) {
    if (doc.text.size() > opt.max_document_bytes) {
      on_error(input_error(name, 0, 0,
                           fmt::format("document larger than {} bytes skipped (--max-doc-bytes)",
                                       opt.max_document_bytes)));
      return false;
    }
  }
  if (n < 0) {
    on_error(input_error(name, 0, 0, fmt::format("read error: {}", std::strerror(errno))));
    return false;
  }
  if (opt.encoding.empty() && !has_utf16_bom(doc.text) && looks_binary(doc.text)) {
    on_error(input_error(name, 0, 0, "binary file skipped"));
    return false;
  }
  std::string why;
  if (!decode_document(&doc, opt.encoding, &why)) {
    on_error(input_error(name, 0, 0, why));
    return false;
  }
  on_doc(std::move(doc));
  return true;
}

bool read_jsonl(Input& in, const std::string& name, const ReadOptions& opt,
                const DocumentFn& on_doc, const ErrorFn& on_error) {
  bool ok = true;
  std::string raw, buf;
  std::unique_ptr<StreamDecoder> decoder;
  bool first = true;
  int line_no = 0;
  bool overlong = false;  // the line being read is past the cap: skip to its end
  std::size_t scanned = 0;
  auto line_done = [&](std::string_view line) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    Document doc;
    Error err, warning;
    if (parse_jsonl_line(line, name, line_no, &doc, &err, &warning)) {
      if (!warning.message.empty()) on_error(warning);
      on_doc(std::move(doc));
    } else {
      on_error(err);
      ok = false;
    }
  };
  for (;;) {
    if (!first) raw.clear();
    const ssize_t n = in.read(&raw, kReadChunk);
    // The byte-order mark decides the decoder: wait for its bytes (a pipe
    // may hand them out one at a time).
    if (first && n > 0 && raw.size() < 4) continue;
    if (n < 0) {
      on_error(
          input_error(name, line_no + 1, 0, fmt::format("read error: {}", std::strerror(errno))));
      return false;
    }
    if (first) {
      first = false;
      std::string enc = opt.encoding;
      if (enc.empty() && has_utf16_bom(raw)) enc = "UTF-16";
      if (!enc.empty()) {
        decoder = std::make_unique<StreamDecoder>(enc);
        if (!decoder->ok()) {
          on_error(input_error(name, 0, 0, fmt::format("unknown encoding '{}'", enc)));
          return false;
        }
      } else if (raw.starts_with("\xEF\xBB\xBF")) {
        raw.erase(0, 3);  // a UTF-8 byte-order mark is not part of line 1
      }
    }
    if (decoder) {
      decoder->feed(raw, n == 0, &buf);
    } else {
      buf += raw;
    }
    std::size_t from = 0;
    for (;;) {
      const std::size_t nl = buf.find('\n', std::max(from, scanned));
      if (nl == std::string::npos) break;
      if (overlong) {
        ++line_no;
        overlong = false;
      } else if (nl - from > opt.max_document_bytes) {
        ++line_no;
        on_error(input_error(name, line_no, 1,
                             fmt::format("line longer than {} bytes skipped (--max-doc-bytes)",
                                         opt.max_document_bytes)));
        ok = false;
      } else {
        line_done(std::string_view(buf).substr(from, nl - from));
      }
      from = nl + 1;
    }
    buf.erase(0, from);
    scanned = buf.size();
    if (!overlong && buf.size() > opt.max_document_bytes) {
      on_error(input_error(name, line_no + 1, 1,
                           fmt::format("line longer than {} bytes skipped (--max-doc-bytes)",
                                       opt.max_document_bytes)));
      ok = false;
      overlong = true;
    }
    if (overlong) buf.clear(), scanned = 0;
    if (n == 0) break;
  }
  if (!overlong && !buf.empty()) line_done(buf);
  return ok;
}

bool jsonl_name(const std::string& f) {
  return f.ends_with(".jsonl") || f.ends_with(".ndjson");
}

bool is_jsonl(const std::string& path, InputFormat format) {
  return format == InputFormat::jsonl || (format == InputFormat::by_name && jsonl_name(path));
}

bool read_one(const std::string& path, const std::string& name, const ReadOptions& opt,
              const DocumentFn& on_doc, const ErrorFn& on_error) {
  if (path.empty()) {
    on_error(input_error("''", 0, 0, "empty path"));
    return false;
  }
  try {
    Input in;
    std::string why;
    if (!in.open(path, &why)) {
      on_error(input_error(name, 0, 0, why));
      return false;
    }
    return is_jsonl(path, opt.format) ? read_jsonl(in, name, opt, on_doc, on_error)
                                      : read_text(in, name, opt, on_doc, on_error);
  } catch (const std::bad_alloc&) {
    on_error(input_error(name, 0, 0, "out of memory reading it, skipped"));
    return false;
  }
}

bool wanted(const std::string& f, InputFormat format) {
  if (f.ends_with(".gold.json")) return false;  // gold files beside samples are not articles
  const bool text = f.ends_with(".txt") || f.ends_with(".text") || f.ends_with(".md");
  switch (format) {
    case InputFormat::text:
      return text;
    case InputFormat::jsonl:
      return jsonl_name(f);
    case InputFormat::by_name:
      return text || jsonl_name(f);
  }
  return false;
}

// Every wanted file under dir; folders that cannot be read and entries
// that are no regular files are reported, never skipped in silence.
// Links to folders are not followed (no cycles).
void walk(const fs::path& dir, InputFormat format, std::vector<std::string>* files,
          std::vector<Error>* errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    errors->push_back(input_error(dir.string(), 0, 0, "cannot read folder: " + ec.message()));
    return;
  }
  std::vector<fs::path> subdirs;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors->push_back(input_error(dir.string(), 0, 0, "cannot read folder: " + ec.message()));
      break;
    }
    const fs::path& p = it->path();
    std::error_code sec;
    const fs::file_status link = it->symlink_status(sec);
    if (fs::is_directory(link)) {
      subdirs.push_back(p);
      continue;
    }
    const std::string f = p.string();
    if (!wanted(f, format)) continue;
    const fs::file_status st = it->status(sec);
    if (fs::is_regular_file(st)) {
      files->push_back(f);
    } else if (!fs::is_directory(st)) {
      errors->push_back(input_error(
          f, 0, 0,
          sec ? "cannot read: " + sec.message() : std::string("not a regular file, skipped")));
    }
  }
  for (const fs::path& d : subdirs) walk(d, format, files, errors);
}

}  // namespace

bool parse_jsonl_line(std::string_view line, const std::string& file, int line_no, Document* doc,
                      Error* err, Error* warning) {
  using namespace simdjson;
  thread_local dom::parser parser;
  dom::element root;
  auto error = parser.parse(line.data(), line.size()).get(root);
  if (error) {
    *err =
        input_error(file, line_no, 1,
                    error == UTF8_ERROR
                        ? std::string("invalid JSON: not UTF-8 (name the encoding with --encoding)")
                        : fmt::format("invalid JSON: {}", error_message(error)));
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
  // The other fields travel with the records, as written (minified).
  for (dom::key_value_pair field : obj) {
    if (field.key == "text" || field.key == "id" || field.key == "lang" || field.key == "date") {
      continue;
    }
    doc->meta += doc->meta.empty() ? '{' : ',';
    json::append_string(doc->meta, field.key);
    doc->meta += ':';
    doc->meta += simdjson::minify(field.value);
  }
  if (!doc->meta.empty()) doc->meta += '}';
  if (!obj["date"].get_string().get(sv)) {
    if (util::valid_iso_date(sv)) {
      doc->date = std::string(sv);
    } else {
      *warning = Error{ErrorKind::warning, file, line_no, 1,
                       fmt::format("\"date\" '{}' is not a real YYYY-MM-DD day; the document is "
                                   "read without a date",
                                   sv.substr(0, 40))};
    }
  }
  return true;
}

bool read_all(const std::vector<std::string>& paths, const ReadOptions& opt,
              const DocumentFn& on_doc, const ErrorFn& on_error) {
  bool ok = true;
  std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"-"} : paths;
  for (const std::string& p : inputs) {
    std::error_code ec;
    if (p != "-" && !p.empty() && fs::is_directory(p, ec)) {
      if (!opt.recursive) {
        on_error(input_error(p, 0, 0, "is a directory (use -r to read folders)"));
        ok = false;
        continue;
      }
      std::vector<std::string> files;
      std::vector<Error> errors;
      walk(p, opt.format, &files, &errors);
      for (const Error& e : errors) on_error(e);
      ok &= errors.empty();
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) ok &= read_one(f, f, opt, on_doc, on_error);
      continue;
    }
    ok &= read_one(p, p, opt, on_doc, on_error);
  }
  return ok;
}

}  // namespace quotex::read
