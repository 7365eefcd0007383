#pragma once
// `extends: institution_agreement` — the body names an institution ("Tidewater Regional",
// "Mercy General Hospital": capitalised words with an institution word from
// `institution_words_file`) that is not the note's own program. The note's program is known
// from the metadata `fields` (program, subject...), or from the opening sentence when they
// are absent; names in the signature (the applicant's school) and mentions after "my" or
// "our" (a home program) are allowed. The usual trace of a note copied from another
// program's. Message argument: the institution named.
#include "rules/check_type.h"

namespace fulint {
std::unique_ptr<Check> LoadInstitutionAgreement(YamlReader& reader, const std::string& rule_dir);
}
