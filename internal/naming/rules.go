package naming

// This file is a transcription of the rules of npm inflection 1.13.4
// (lib/inflection.js, the version Sequelize 6.37 resolves ^1.13.4 to):
// the uncountable words, the named regular expressions and the two ordered
// rule lists, in the same order and with the same patterns. The patterns are
// written here exactly as in JavaScript (where they carry the "gi" flags);
// jsPattern turns them into RE2 syntax with JavaScript's non-Unicode
// case-insensitivity (ASCII letters only: Go's (?i) would also fold 'ſ' into
// 's' and 'K' (Kelvin) into 'k') and jsReplacement turns "$1" into "${1}".

// uncountableWords is inflection's uncountable_words (without the entries
// that are commented out there). Pluralize and Singularize return a word
// unchanged when its lower case is one of these: the whole word, so
// "Sheep" is uncountable but "UserSheep" is not.
var uncountableWords = []string{
	"accommodation", "adulthood", "advertising", "advice", "aggression", "aid",
	"air", "aircraft", "alcohol", "anger", "applause", "arithmetic",
	"assistance", "athletics", "bacon", "baggage", "beef", "biology", "blood",
	"botany", "bread", "butter", "carbon", "cardboard", "cash", "chalk",
	"chaos", "chess", "crossroads", "countryside", "dancing", "deer", "dignity",
	"dirt", "dust", "economics", "education", "electricity", "engineering",
	"enjoyment", "envy", "equipment", "ethics", "evidence", "evolution", "fame",
	"fiction", "flour", "flu", "food", "fuel", "fun", "furniture", "gallows",
	"garbage", "garlic", "genetics", "gold", "golf", "gossip", "gratitude",
	"grief", "guilt", "gymnastics", "happiness", "hardware", "harm", "hate",
	"hatred", "health", "heat", "help", "homework", "honesty", "honey",
	"hospitality", "housework", "humour", "hunger", "hydrogen", "ice",
	"importance", "inflation", "information", "innocence", "iron", "irony",
	"jam", "jewelry", "judo", "karate", "knowledge", "lack", "laughter", "lava",
	"leather", "leisure", "lightning", "linguine", "linguini", "linguistics",
	"literature", "litter", "livestock", "logic", "loneliness", "luck",
	"luggage", "macaroni", "machinery", "magic", "management", "mankind",
	"marble", "mathematics", "mayonnaise", "measles", "methane", "milk",
	"minus", "money", "mud", "music", "mumps", "nature", "news", "nitrogen",
	"nonsense", "nurture", "nutrition", "obedience", "obesity", "oxygen",
	"pasta", "patience", "physics", "poetry", "pollution", "poverty", "pride",
	"psychology", "publicity", "punctuation", "quartz", "racism", "relaxation",
	"reliability", "research", "respect", "revenge", "rice", "rubbish", "rum",
	"safety", "scenery", "seafood", "seaside", "series", "shame", "sheep",
	"shopping", "sleep", "smoke", "smoking", "snow", "soap", "software", "soil",
	"spaghetti", "species", "steam", "stuff", "stupidity", "sunshine",
	"symmetry", "tennis", "thirst", "thunder", "timber", "traffic",
	"transportation", "trust", "underwear", "unemployment", "unity", "validity",
	"veal", "vegetation", "vegetarianism", "vengeance", "violence", "vitality",
	"warmth", "wealth", "weather", "welfare", "wheat", "wildlife", "wisdom",
	"yoga", "zinc", "zoology",
}

// Named patterns: inflection's regex.plural and regex.singular.
var (
	// regex.plural
	plMen       = jsRule(`^(m|wom)en$`)
	plPeople    = jsRule(`(pe)ople$`)
	plChildren  = jsRule(`(child)ren$`)
	plTia       = jsRule(`([ti])a$`)
	plAnalyses  = jsRule(`((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$`)
	plDatabases = jsRule(`(database)s$`)
	plDrives    = jsRule(`(drive)s$`)
	plHives     = jsRule(`(hi|ti)ves$`)
	plCurves    = jsRule(`(curve)s$`)
	plLrves     = jsRule(`([lr])ves$`)
	plAves      = jsRule(`([a])ves$`)
	plFoves     = jsRule(`([^fo])ves$`)
	plMovies    = jsRule(`(m)ovies$`)
	plAeiouyies = jsRule(`([^aeiouy]|qu)ies$`)
	plSeries    = jsRule(`(s)eries$`)
	plXes       = jsRule(`(x|ch|ss|sh)es$`)
	plMice      = jsRule(`([m|l])ice$`)
	plBuses     = jsRule(`(bus)es$`)
	plOes       = jsRule(`(o)es$`)
	plShoes     = jsRule(`(shoe)s$`)
	plCrises    = jsRule(`(cris|ax|test)es$`)
	plOctopuses = jsRule(`(octop|vir)uses$`)
	plAliases   = jsRule(`(alias|canvas|status|campus)es$`)
	plSummonses = jsRule(`^(summons|bonus)es$`)
	plOxen      = jsRule(`^(ox)en`)
	plMatrices  = jsRule(`(matr)ices$`)
	plVertices  = jsRule(`(vert|ind)ices$`)
	plFeet      = jsRule(`^feet$`)
	plTeeth     = jsRule(`^teeth$`)
	plGeese     = jsRule(`^geese$`)
	plQuizzes   = jsRule(`(quiz)zes$`)
	plWhereases = jsRule(`^(whereas)es$`)
	plCriteria  = jsRule(`^(criteri)a$`)
	plGenera    = jsRule(`^genera$`)
	plSs        = jsRule(`ss$`)
	plS         = jsRule(`s$`)

	// regex.singular
	sgMan       = jsRule(`^(m|wom)an$`)
	sgPerson    = jsRule(`(pe)rson$`)
	sgChild     = jsRule(`(child)$`)
	sgDrive     = jsRule(`(drive)$`)
	sgOx        = jsRule(`^(ox)$`)
	sgAxis      = jsRule(`(ax|test)is$`)
	sgOctopus   = jsRule(`(octop|vir)us$`)
	sgAlias     = jsRule(`(alias|status|canvas|campus)$`)
	sgSummons   = jsRule(`^(summons|bonus)$`)
	sgBus       = jsRule(`(bu)s$`)
	sgBuffalo   = jsRule(`(buffal|tomat|potat)o$`)
	sgTium      = jsRule(`([ti])um$`)
	sgSis       = jsRule(`sis$`)
	sgFfe       = jsRule(`(?:([^f])fe|([lr])f)$`)
	sgHive      = jsRule(`(hi|ti)ve$`)
	sgAeiouyy   = jsRule(`([^aeiouy]|qu)y$`)
	sgX         = jsRule(`(x|ch|ss|sh)$`)
	sgMatrix    = jsRule(`(matr)ix$`)
	sgVertex    = jsRule(`(vert|ind)ex$`)
	sgMouse     = jsRule(`([m|l])ouse$`)
	sgFoot      = jsRule(`^foot$`)
	sgTooth     = jsRule(`^tooth$`)
	sgGoose     = jsRule(`^goose$`)
	sgQuiz      = jsRule(`(quiz)$`)
	sgWhereas   = jsRule(`^(whereas)$`)
	sgCriterion = jsRule(`^(criteri)on$`)
	sgGenus     = jsRule(`^genus$`)
	sgS         = jsRule(`s$`)
	sgCommon    = jsRule(`$`)
)

// pluralRules is inflection's plural_rules: the first rule whose pattern
// matches decides; a rule without a replacement (keep) means "already
// plural, leave it".
var pluralRules = []rule{
	// do not replace if its already a plural word
	keep(plMen),
	keep(plPeople),
	keep(plChildren),
	keep(plTia),
	keep(plAnalyses),
	keep(plDatabases),
	keep(plDrives),
	keep(plHives),
	keep(plCurves),
	keep(plLrves),
	keep(plFoves),
	keep(plAeiouyies),
	keep(plSeries),
	keep(plMovies),
	keep(plXes),
	keep(plMice),
	keep(plBuses),
	keep(plOes),
	keep(plShoes),
	keep(plCrises),
	keep(plOctopuses),
	keep(plAliases),
	keep(plSummonses),
	keep(plOxen),
	keep(plMatrices),
	keep(plFeet),
	keep(plTeeth),
	keep(plGeese),
	keep(plQuizzes),
	keep(plWhereases),
	keep(plCriteria),
	keep(plGenera),

	// original rule
	replace(sgMan, "$1en"),
	replace(sgPerson, "$1ople"),
	replace(sgChild, "$1ren"),
	replace(sgDrive, "$1s"),
	replace(sgOx, "$1en"),
	replace(sgAxis, "$1es"),
	replace(sgOctopus, "$1uses"),
	replace(sgAlias, "$1es"),
	replace(sgSummons, "$1es"),
	replace(sgBus, "$1ses"),
	replace(sgBuffalo, "$1oes"),
	replace(sgTium, "$1a"),
	replace(sgSis, "ses"),
	replace(sgFfe, "$1$2ves"),
	replace(sgHive, "$1ves"),
	replace(sgAeiouyy, "$1ies"),
	replace(sgMatrix, "$1ices"),
	replace(sgVertex, "$1ices"),
	replace(sgX, "$1es"),
	replace(sgMouse, "$1ice"),
	replace(sgFoot, "feet"),
	replace(sgTooth, "teeth"),
	replace(sgGoose, "geese"),
	replace(sgQuiz, "$1zes"),
	replace(sgWhereas, "$1es"),
	replace(sgCriterion, "$1a"),
	replace(sgGenus, "genera"),

	replace(sgS, "s"),
	replace(sgCommon, "s"),
}

// singularRules is inflection's singular_rules.
var singularRules = []rule{
	// do not replace if its already a singular word
	keep(sgMan),
	keep(sgPerson),
	keep(sgChild),
	keep(sgDrive),
	keep(sgOx),
	keep(sgAxis),
	keep(sgOctopus),
	keep(sgAlias),
	keep(sgSummons),
	keep(sgBus),
	keep(sgBuffalo),
	keep(sgTium),
	keep(sgSis),
	keep(sgFfe),
	keep(sgHive),
	keep(sgAeiouyy),
	keep(sgX),
	keep(sgMatrix),
	keep(sgMouse),
	keep(sgFoot),
	keep(sgTooth),
	keep(sgGoose),
	keep(sgQuiz),
	keep(sgWhereas),
	keep(sgCriterion),
	keep(sgGenus),

	// original rule
	replace(plMen, "$1an"),
	replace(plPeople, "$1rson"),
	replace(plChildren, "$1"),
	replace(plDatabases, "$1"),
	replace(plDrives, "$1"),
	replace(plGenera, "genus"),
	replace(plCriteria, "$1on"),
	replace(plTia, "$1um"),
	replace(plAnalyses, "$1$2sis"),
	replace(plHives, "$1ve"),
	replace(plCurves, "$1"),
	replace(plLrves, "$1f"),
	replace(plAves, "$1ve"),
	replace(plFoves, "$1fe"),
	replace(plMovies, "$1ovie"),
	replace(plAeiouyies, "$1y"),
	replace(plSeries, "$1eries"),
	replace(plXes, "$1"),
	replace(plMice, "$1ouse"),
	replace(plBuses, "$1"),
	replace(plOes, "$1"),
	replace(plShoes, "$1"),
	replace(plCrises, "$1is"),
	replace(plOctopuses, "$1us"),
	replace(plAliases, "$1"),
	replace(plSummonses, "$1"),
	replace(plOxen, "$1"),
	replace(plMatrices, "$1ix"),
	replace(plVertices, "$1ex"),
	replace(plFeet, "foot"),
	replace(plTeeth, "tooth"),
	replace(plGeese, "goose"),
	replace(plQuizzes, "$1"),
	replace(plWhereases, "$1"),

	replace(plSs, "ss"),
	replace(plS, ""),
}
