// Package quote finds who said what in an Arabic news text: direct
// quotations in quotation marks and reported speech introduced by speech
// verbs, each with its cue word and its speaker resolved to a name.
//
// Extract handles:
//   - direct quotes in «», "" and “” (writers mix up “ and ”, so a mark's
//     role is read from its neighbours; a quote left open by a typo ends
//     at its sentence);
//   - reported speech after a cue and أن/إن (قال الوزير إن …، أشار إلى
//     أن …، مضيفا أن …) up to the end of the clause;
//   - the cue after the quote («…»، قال بومبيو), participle cues
//     (مضيفا، مشيرا، قائلا), nominal cues (نقل عن فلان قوله …), and noun
//     complements of أفاد and نوه (the nominal form);
//   - quotations that run over several sentences, and direct fragments of
//     two words or more inside reported speech, returned as quotes of
//     their own.
//
// Speakers are resolved from the phrase next to the cue (verb–subject
// order first, then a subject before the verb after كان or أن, or the
// antecedent of الذي): a title is told apart from the name; a surname
// alone resolves to the full name mentioned elsewhere in the text
// (بومبيو → مايك بومبيو); a title alone (الوزير الأميركي، المصدر،
// البيان) to the last person or source that fits it; and an implied
// subject (وأضاف، من جهته، مضيفا) to the person just mentioned or the
// last speaker. When entity mentions from a recognizer are given, the
// speaker takes the canonical name and entity id of the mention that
// covers it.
//
// Every span is in Unicode code points of the original text. Extract is
// pure and safe for concurrent use; it never panics on any input.
package quote
