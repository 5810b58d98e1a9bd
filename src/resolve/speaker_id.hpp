// speaker_id: one key for a person or organisation across documents and
// languages ("İlham Əliyev", "Ilham Aliyev" and "Ильхам Алиев" all give
// "ilham-aliyev").
#pragma once

#include <string>
#include <string_view>

namespace quotex::resolve {

// The key of a canonical name: transliterated to Latin (Cyrillic by BGN/PCGN,
// which writes "Алиев" as "Aliyev"), the letters each alphabet spells
// differently folded onto one spelling (az/tr c, ç, ş, x, q, ı, ə; kh and
// h, zh/dzh and j, doubled letters), lower case, words joined by "-".
// `lang` is the language the name was written in. Empty for a name with no
// letters.
std::string speaker_key(std::string_view name, std::string_view lang);

}  // namespace quotex::resolve
