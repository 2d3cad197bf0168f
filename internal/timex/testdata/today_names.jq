# Expressions holding اليوم that may be part of a name (a newspaper, a
# site, a channel, a programme) rather than today: arabic has no capital
# letters, so a name is told by its setting. Input: -n, with $lines (the
# texts, one a line, --rawfile) and $found (rasid timex's output for them,
# --slurpfile). Output: one object per suspect, {why, text, context}.
# The settings: a medium named just before (صحيفة اليوم, قناة السويس اليوم)
# or one word before (صحيفة أخبار اليوم), لـ written apart (لـ اليوم:),
# quotation marks or brackets around the word or around it and the word
# before («روسيا اليوم», (أخبار اليوم)). Most suspects are today all the
# same (موقع تويتر اليوم, صحيفة الحياة اليوم): read the list.
def media: "(صحيفة|صحيفه|جريدة|جريده|مجلة|مجله|قناة|قناه|قناتا|موقع|شبكة|شبكه|برنامج|إذاعة|اذاعة|تلفزيون|تليفزيون|وكالة|وكاله|دار|مؤسسة|مؤسسه|فضائية)";
def open: "[«\"“”'‘’(]";
def close: "[»\"”“'’‘)]";
($lines | split("\n")) as $ls
| range(0; $found | length) as $n
| $ls[$n] as $t
| $found[$n][]
| select(.text | contains("اليوم"))
| ($t[(.start):(.end)] | index("اليوم")) as $k
| ($t[0:(.start + $k)]) as $b
| (if ($b | test("(^|[\\s\\p{P}])[وفبل]{0,2}" + media + "\\s*" + open + "?\\s*$")) then "medium before"
   elif ($b | test("(^|[\\s\\p{P}])[وفبل]{0,2}" + media + "\\s+" + open + "?\\s*\\S+\\s+$")) then "medium and a word before"
   elif ($b | test("لـ\\s*" + open + "?\\s*$")) then "لـ before"
   elif ($b | test(open + "\\s*(\\S+\\s+)?$")) and ($t[(.start + $k + 5):] | test("^\\s*" + close)) then "enclosed"
   else empty end) as $why
| {why: $why, text: .text, context: $t[([0, .start + $k - 30] | max):(.start + $k + 20)]}
