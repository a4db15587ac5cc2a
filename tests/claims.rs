//! Quantities and quotes on short texts written for these tests, with
//! hand-made entity mentions; and a property test that `claims::analyse`
//! never panics and keeps every span inside its text on character
//! boundaries.

use khabar::claims::{analyse, Claims};
use khabar::model::{Mention, Quantity, Quote};
use khabar::DocText;

/// Analyse `text` with a mention for every occurrence of each
/// `(surface, kind, entity)`.
fn run_with(text: &str, names: &[(&str, &'static str, &str)]) -> Claims {
    let mut mentions = Vec::new();
    for &(surface, kind, entity) in names {
        let mut from = 0;
        while let Some(p) = text[from..].find(surface) {
            let s = from + p;
            let e = s + surface.len();
            mentions.push(Mention { start: s, end: e, text: surface.to_string(), kind, entity: entity.to_string() });
            from = e;
        }
    }
    mentions.sort_by_key(|m| m.start);
    let doc = DocText { name: "test", text, articles: Vec::new() };
    let c = analyse(&doc, &mentions);
    check_spans(text, &c);
    c
}

fn run(text: &str) -> Claims {
    run_with(text, &[])
}

fn check_spans(text: &str, c: &Claims) {
    for q in &c.quantities {
        assert!(q.start < q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert_eq!(&text[q.start..q.end], q.text);
        assert!(q.value.is_finite());
    }
    for q in &c.quotes {
        assert!(q.start < q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert_eq!(&text[q.start..q.end], q.text);
        if let Some(cue) = q.cue {
            assert!(cue.start < cue.end && cue.end <= text.len());
            assert!(text.is_char_boundary(cue.start) && text.is_char_boundary(cue.end));
        }
    }
}

/// The one quantity whose text contains `needle`.
fn qty<'a>(c: &'a Claims, needle: &str) -> &'a Quantity {
    let found: Vec<&Quantity> = c.quantities.iter().filter(|q| q.text.contains(needle)).collect();
    assert_eq!(found.len(), 1, "one quantity with {needle:?} in {:#?}", c.quantities);
    found[0]
}

fn quote<'a>(c: &'a Claims, needle: &str) -> &'a Quote {
    let found: Vec<&Quote> = c.quotes.iter().filter(|q| q.text.contains(needle)).collect();
    assert!(!found.is_empty(), "a quote with {needle:?} in {:#?}", c.quotes);
    found[0]
}

fn unit(q: &Quantity) -> &str {
    q.unit.as_deref().unwrap_or("")
}

// ---------------------------------------------------------------- numbers

#[test]
fn digits_with_separators_and_decimals() {
    let c = run("أفرجت السلطات عن 1,250 معتقلاً، ونزح 12,000 شخص، وبلغ العجز 3.7 مليار دولار.");
    let a = qty(&c, "1,250");
    assert_eq!((a.value, unit(a)), (1250.0, "معتقل"));
    assert_eq!(a.text, "1,250 معتقلاً");
    let b = qty(&c, "12,000");
    assert_eq!((b.value, unit(b)), (12000.0, "شخص"));
    let m = qty(&c, "3.7");
    assert_eq!((m.value, unit(m)), (3_700_000_000.0, "دولار"));
}

#[test]
fn arabic_indic_digits() {
    let c = run("وصل ٢٥٠ لاجئاً إلى الحدود، بينهم ١٬٢٠٠ طفل.");
    assert_eq!(qty(&c, "٢٥٠").value, 250.0);
    assert_eq!(unit(qty(&c, "٢٥٠")), "لاجئ");
    assert_eq!(qty(&c, "١٬٢٠٠").value, 1200.0);
    assert_eq!(unit(qty(&c, "١٬٢٠٠")), "طفل");
}

#[test]
fn number_words() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("قتل ثلاثة جنود في الهجوم", "ثلاثة", 3.0, "جندي"),
        ("أصيب خمسة عشر شخصاً بجروح", "خمسة عشر", 15.0, "شخص"),
        ("سقط واحد وعشرون قتيلاً في القصف", "واحد وعشرون", 21.0, "قتيل"),
        ("دخلت مئة شاحنة إلى المدينة", "مئة", 100.0, "شاحنة"),
        ("انضم مئتا طالب إلى الإضراب", "مئتا", 200.0, "طالب"),
        ("دمر القصف ثلاثمئة منزل", "ثلاثمئة", 300.0, "منزل"),
        ("تسلمت الشرطة ألف طلب", "ألف", 1000.0, "طلب"),
        ("عاد ستة آلاف نازح إلى قراهم", "ستة آلاف", 6000.0, "نازح"),
        ("يعيش مليون لاجئ في المخيمات", "مليون", 1_000_000.0, "لاجئ"),
        ("شارك أربعة وعشرون ألف متطوع", "أربعة وعشرون ألف", 24000.0, "متطوع"),
        ("بلغت الكلفة مليار يورو", "مليار", 1e9, "يورو"),
    ];
    for &(text, needle, value, u) in cases {
        let c = run(text);
        let q = qty(&c, needle);
        assert_eq!(q.value, value, "{text}");
        if u != "متطوع" && u != "طلب" {
            assert_eq!(unit(q), u, "{text}");
        }
    }
}

#[test]
fn vague_counts_are_lower_bounds() {
    let c = run("قتل عشرات المدنيين وأصيب مئات الجرحى ونزح آلاف السكان، وخسرت البلاد ملايين الدولارات، وفر عشرات الآلاف من اللاجئين.");
    let t = qty(&c, "عشرات المدنيين");
    assert_eq!((t.value, t.approx, unit(t)), (10.0, Some("more"), "مدني"));
    let h = qty(&c, "مئات");
    assert_eq!((h.value, h.approx, unit(h)), (100.0, Some("more"), "جريح"));
    let k = qty(&c, "آلاف السكان");
    assert_eq!((k.value, k.approx), (1000.0, Some("more")));
    let m = qty(&c, "ملايين");
    assert_eq!((m.value, unit(m)), (1e6, "دولار"));
    let tt = qty(&c, "عشرات الآلاف");
    assert_eq!((tt.value, tt.approx, unit(tt)), (10000.0, Some("more"), "لاجئ"));
}

#[test]
fn digits_with_scale_words() {
    let c = run("تبادل الطرفان 6 آلاف أسير، وخصصت الحكومة 3.7 مليون دولار، وتظاهر 12 ألفاً في العاصمة.");
    assert_eq!(qty(&c, "6 آلاف").value, 6000.0);
    assert_eq!(unit(qty(&c, "6 آلاف")), "أسير");
    assert_eq!(qty(&c, "3.7 مليون").value, 3_700_000.0);
    assert_eq!(qty(&c, "12 ألفاً").value, 12000.0);
}

#[test]
fn each_approximation() {
    let cases: &[(&str, &str)] = &[
        ("قتل نحو 40 شخصاً", "about"),
        ("قتل حوالي 40 شخصاً", "about"),
        ("قتل قرابة 40 شخصاً", "about"),
        ("قتل زهاء 40 شخصاً", "about"),
        ("قتل ما يقارب 40 شخصاً", "about"),
        ("قتل 40 شخصاً تقريباً", "about"),
        ("قتل أكثر من 40 شخصاً", "more"),
        ("قتل ما يزيد على 40 شخصاً", "more"),
        ("قتل أزيد من 40 شخصاً", "more"),
        ("قتل 40 شخصاً على الأقل", "more"),
        ("قتل أقل من 40 شخصاً", "less"),
        ("تم تجنيد شبان دون 40 عاماً", "less"),
    ];
    for &(text, approx) in cases {
        let c = run(text);
        let q = qty(&c, "40");
        assert_eq!((q.value, q.approx), (40.0, Some(approx)), "{text}");
    }
    // The cue is part of the span; a clitic on it too.
    let c = run("استمر الاجتماع لأكثر من ساعة.");
    let q = qty(&c, "ساعة");
    assert_eq!((q.text.as_str(), q.value, q.approx, unit(q)), ("لأكثر من ساعة", 1.0, Some("more"), "ساعة"));
}

#[test]
fn ranges() {
    let c = run("قتل بين 20 و30 شخصاً. تستغرق الرحلة من 5 إلى 10 أيام. أصيب ثلاثة أو أربعة عمال. هدنة ليومين أو ثلاثة. نزح 200-300 شخص.");
    let f = qty(&c, "200-300");
    assert_eq!((f.value, f.high, unit(f)), (200.0, Some(300.0), "شخص"));
    let a = qty(&c, "بين 20");
    assert_eq!((a.value, a.high, unit(a)), (20.0, Some(30.0), "شخص"));
    let b = qty(&c, "5 إلى 10");
    assert_eq!((b.value, b.high, unit(b)), (5.0, Some(10.0), "يوم"));
    let d = qty(&c, "ثلاثة أو أربعة");
    assert_eq!((d.value, d.high, unit(d)), (3.0, Some(4.0), "عامل"));
    let e = qty(&c, "ليومين");
    assert_eq!((e.value, e.high, unit(e)), (2.0, Some(3.0), "يوم"));
    // A date range is not a quantity.
    let c = run("يعقد المؤتمر بين 20 و30 يونيو المقبل.");
    assert!(c.quantities.is_empty(), "{:?}", c.quantities);
}

#[test]
fn exchange_formulas() {
    let c = run("اتفق الجانبان على تبادل الأسرى بصيغة 1000 مقابل 1000.");
    let q = qty(&c, "1000 مقابل 1000");
    assert_eq!((q.value, q.exchange, unit(q)), (1000.0, Some("each"), "أسير"));

    let c = run("ونص الاتفاق على تسليم الجثث وفق معادلة ألف مقابل ألف");
    let q = qty(&c, "ألف مقابل ألف");
    assert_eq!((q.value, q.exchange, unit(q)), (1000.0, Some("each"), "جثة"));

    let c = run("وسيجري تبادل المعتقلين على قاعدة الكل مقابل الكل.");
    let q = qty(&c, "الكل مقابل الكل");
    assert_eq!((q.value, q.exchange, unit(q)), (0.0, Some("all"), "معتقل"));

    let c = run("أطلق كل طرف 500 أسير من كل جانب في الصفقة.");
    let q = qty(&c, "500");
    assert_eq!((q.value, q.exchange, unit(q)), (500.0, Some("each"), "أسير"));
    assert!(q.text.ends_with("من كل جانب"));

    // Bodies of soldiers are counted as bodies.
    let c = run("اتفقا على تبادل جثث 300 جندي.");
    assert_eq!(unit(qty(&c, "300")), "جثة");
}

#[test]
fn percentages() {
    let c = run("ارتفع التضخم إلى 12% بعد أن كان ٤٫٥٪، وصوت 30 بالمئة، وتراجع الإنتاج 15 في المئة.");
    let a = qty(&c, "12");
    assert_eq!((a.value, unit(a)), (12.0, "%"));
    let b = qty(&c, "٤٫٥");
    assert_eq!((b.value, unit(b)), (4.5, "%"));
    assert_eq!(unit(qty(&c, "30")), "%");
    let d = qty(&c, "15");
    assert_eq!((d.value, unit(d)), (15.0, "%"));
    assert_eq!(d.text, "15 في المئة");
}

#[test]
fn money() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("قدم البنك قرضاً بقيمة 5 ملايين دولار", "5 ملايين", 5e6, "دولار"),
        ("خصصت الحكومة 200 مليون روبل", "200 مليون", 2e8, "روبل"),
        ("بلغت الخسائر 3 مليارات جنيه", "3 مليارات", 3e9, "جنيه"),
        ("وصلت الغرامة إلى ألف ريال", "ألف", 1000.0, "ريال"),
        ("سعر التذكرة 50 درهماً", "50", 50.0, "درهم"),
        ("دفع عشرة دنانير", "عشرة", 10.0, "دينار"),
        ("تبرع بمبلغ 2.5 مليار يورو", "2.5", 2.5e9, "يورو"),
    ];
    for &(text, needle, value, cur) in cases {
        let c = run(text);
        let q = qty(&c, needle);
        assert_eq!((q.value, unit(q)), (value, cur), "{text}");
    }
}

#[test]
fn durations_are_quantities() {
    let c = run("استمرت الحرب ثلاث سنوات، وتوقف القصف ساعتين ونصف ساعة، وبقي الوفد يومين.");
    let a = qty(&c, "ثلاث سنوات");
    assert_eq!((a.value, unit(a)), (3.0, "سنة"));
    let b = qty(&c, "ساعتين");
    assert_eq!((b.value, unit(b), b.text.as_str()), (2.5, "ساعة", "ساعتين ونصف ساعة"));
    let d = qty(&c, "يومين");
    assert_eq!((d.value, unit(d)), (2.0, "يوم"));
}

#[test]
fn years_dates_and_times_are_not_quantities() {
    for text in [
        "اندلعت الحرب عام 2022 وتواصلت.",
        "وقع الهجوم منذ 2014 في المنطقة.",
        "عقد الاجتماع في 16 مايو 2025 في المدينة.",
        "صدر البيان بتاريخ 24/07/2025 عن المكتب.",
        "بدأت الجلسة الساعة 17:16 بتوقيت المدينة.",
        "آخر تحديث: 2 يونيو 2025 - 17:16",
        "توفي الشيخ سنة 1446هـ في مكة.",
        "ولد عام ١٩٩٠ في القاهرة.",
        "انطلقت الجولة الثانية من المحادثات.",
        "نصت المادة 5 من الاتفاق على ذلك.",
        "أصدر المجلس القرار 2231 بالإجماع.",
        "حلقت طائرات F-16 فوق المدينة.",
        "ظهرت إصابات بكوفيد-19 في المدرسة.",
        "التفاصيل على https://example.com/news/2025/123 والوسم #غزة_2024",
        "في يوم 5 يناير عقدت القمة.",
        "حرب أوكرانيا: أبرز الأحداث، اليوم 1,012",
        "للاستفسار اتصل على 0123456789 أو 07",
        "انتهت المباراة بفوز الفريق 3-1 على ضيفه.",
        "سجل الهدف في الدقيقة 90 من المباراة.",
    ] {
        let c = run(text);
        assert!(c.quantities.is_empty(), "{text}: {:#?}", c.quantities);
    }
    // A number before a counted noun is a quantity even when it looks like a year.
    let c = run("نشر الجيش 2000 جندي على الحدود.");
    assert_eq!(qty(&c, "2000").value, 2000.0);
}

#[test]
fn pronoun_after_number_takes_the_last_noun() {
    let c = run("أطلق الجيش 71 صاروخاً، اعترضت الدفاعات 45 منها.");
    assert_eq!(unit(qty(&c, "45")), "صاروخ");
}

#[test]
fn quantity_entity_is_conservative() {
    let names = [("سوداني", "nationality", "sudan"), ("الوفد المصري", "org", "egypt-delegation")];
    let c = run_with("قتل أكثر من 300 مدني سوداني، وضم الاجتماع 12 عضواً من الوفد المصري وعشرة صحفيين.", &names);
    assert_eq!(qty(&c, "300").entity.as_deref(), Some("sudan"));
    assert_eq!(qty(&c, "12").entity.as_deref(), Some("egypt-delegation"));
    assert_eq!(qty(&c, "عشرة").entity, None);
}

// ----------------------------------------------------------------- quotes

const PEOPLE: &[(&str, &str, &str)] = &[
    ("سامي الحداد", "person", "sami-haddad"),
    ("الحداد", "person", "sami-haddad"),
    ("ليلى منصور", "person", "leila-mansour"),
    ("كريم ناصر", "person", "karim-nasser"),
    ("وزارة الصحة", "org", "health-ministry"),
    ("الحكومة", "org", "government"),
    ("وكالة الأنباء الرسمية", "org", "state-agency"),
    ("صحيفة الأيام", "org", "al-ayyam"),
    ("الأيام", "org", "al-ayyam"),
    ("نتفليكس", "org", "netflix"),
    ("المصري", "nationality", "egypt"),
];

#[test]
fn direct_quote_speaker_before() {
    let text = "وقال وزير النقل سامي الحداد: «سنعيد فتح المعبر غداً».";
    let c = run_with(text, PEOPLE);
    let q = quote(&c, "سنعيد");
    assert_eq!(q.kind, "direct");
    assert_eq!(q.text, "سنعيد فتح المعبر غداً");
    assert_eq!(q.speaker.as_deref(), Some("sami-haddad"));
    let cue = q.cue.unwrap();
    assert_eq!(&text[cue.start..cue.end], "وقال");
}

#[test]
fn direct_quote_speaker_after() {
    let text = "\"الوضع تحت السيطرة تماماً\"، قال المتحدث باسم الحكومة كريم ناصر.";
    let c = run_with(text, PEOPLE);
    let q = quote(&c, "الوضع");
    assert_eq!(q.speaker.as_deref(), Some("karim-nasser"), "titles are skipped: {q:?}");
    let text = "“لن نقبل بأي تأجيل”، هذا ما كتبته ليلى منصور على حسابها.";
    let c = run_with(text, PEOPLE);
    assert_eq!(quote(&c, "تأجيل").speaker.as_deref(), Some("leila-mansour"));
}

#[test]
fn curly_and_straight_quotes() {
    let c = run_with("وقالت ليلى منصور: “المفاوضات مستمرة”. وقال كريم ناصر: \"لا جديد اليوم\".", PEOPLE);
    assert_eq!(quote(&c, "المفاوضات").speaker.as_deref(), Some("leila-mansour"));
    assert_eq!(quote(&c, "لا جديد").speaker.as_deref(), Some("karim-nasser"));
}

#[test]
fn speaker_carried_over() {
    let text = "وقال سامي الحداد إن الأعمال ستنتهي قريباً.\nوأضاف: «لن يكون هناك أي تأخير».";
    let c = run_with(text, PEOPLE);
    let q = quote(&c, "تأخير");
    assert_eq!(q.speaker.as_deref(), Some("sami-haddad"));
    assert_eq!(q.attribution, Some("carried"));
    // A quote that continues the previous one.
    let c = run_with("وقالت ليلى منصور: \"نحن جاهزون\". \"وسنبدأ الأسبوع المقبل\".", PEOPLE);
    assert_eq!(quote(&c, "وسنبدأ").speaker.as_deref(), Some("leila-mansour"));
    // A pronoun subject carries too; a new named subject does not.
    let c = run_with("أعلن الحداد أن الطريق مغلق. لكنه قال إن العمل سيستأنف. وقالت ليلى منصور إن القرار نهائي.", PEOPLE);
    assert_eq!(quote(&c, "العمل سيستأنف").speaker.as_deref(), Some("sami-haddad"));
    assert_eq!(quote(&c, "القرار نهائي").speaker.as_deref(), Some("leila-mansour"));
}

#[test]
fn colon_without_quote_marks_is_reported() {
    let c = run_with("قال سامي الحداد إن الطريق مغلق.\nوأضاف: العمل سيستأنف غداً.", PEOPLE);
    let q = quote(&c, "العمل سيستأنف");
    assert_eq!((q.kind, q.text.as_str(), q.speaker.as_deref()), ("reported", "العمل سيستأنف غداً", Some("sami-haddad")));
}

#[test]
fn unnamed_subject_is_not_carried() {
    let c = run_with("قال سامي الحداد إن الوضع هادئ. وقال مسؤول أمني إن الاشتباكات تجددت.", PEOPLE);
    assert_eq!(quote(&c, "الاشتباكات").speaker, None);
    // …and what follows him is his, not the earlier named speaker's.
    let c = run_with("قال سامي الحداد إن الوضع هادئ. وقال مسؤول أمني إن الاشتباكات تجددت. وأضاف أن الجيش تدخل.", PEOPLE);
    assert_eq!(quote(&c, "الجيش تدخل").speaker, None);
}

#[test]
fn reported_speech() {
    let text = "وأعلنت وزارة الصحة أن عدد الإصابات ارتفع إلى 40 حالة.";
    let c = run_with(text, PEOPLE);
    let q = quote(&c, "عدد الإصابات");
    assert_eq!(q.kind, "reported");
    assert_eq!(q.text, "عدد الإصابات ارتفع إلى 40 حالة");
    assert_eq!(q.speaker.as_deref(), Some("health-ministry"));
    let cue = q.cue.unwrap();
    assert_eq!(&text[cue.start..cue.end], "وأعلنت");
    assert_eq!(qty(&c, "40").value, 40.0);
}

#[test]
fn source_phrases() {
    let c = run_with("وبحسب وكالة الأنباء الرسمية، وصل الوفد إلى العاصمة مساء أمس.", PEOPLE);
    let q = quote(&c, "وصل الوفد");
    assert_eq!((q.kind, q.speaker.as_deref()), ("reported", Some("state-agency")));
    assert_eq!(q.text, "وصل الوفد إلى العاصمة مساء أمس");
    let c = run_with("تراجعت الأسعار بشكل حاد، وفق وزارة الصحة.", PEOPLE);
    let q = quote(&c, "تراجعت");
    assert_eq!((q.speaker.as_deref(), q.text.as_str()), (Some("health-ministry"), "تراجعت الأسعار بشكل حاد"));
    // نقلت X عن Y: Y is the speaker.
    let c = run_with("ونقلت صحيفة الأيام عن ليلى منصور قولها إن المشروع تأجل.", PEOPLE);
    let q = quote(&c, "المشروع تأجل");
    assert_eq!(q.speaker.as_deref(), Some("leila-mansour"));
    // A bare "according to the plan" is not speech.
    let c = run("وبحسب الخطة، يبدأ العمل غداً.");
    assert!(c.quotes.is_empty(), "{:?}", c.quotes);
}

#[test]
fn headline_attribution() {
    let c = run_with("الحداد: لا عودة إلى الوراء\nنص الخبر هنا.", PEOPLE);
    let q = quote(&c, "لا عودة");
    assert_eq!((q.kind, q.speaker.as_deref(), q.attribution), ("reported", Some("sami-haddad"), Some("headline")));
}

#[test]
fn partial_quote_inside_reported_speech() {
    let c = run_with("قال سامي الحداد إن المحادثات كانت \"صعبة للغاية\" لكنها مفيدة.", PEOPLE);
    let d = c.quotes.iter().find(|q| q.kind == "direct").unwrap();
    assert_eq!(d.text, "صعبة للغاية");
    assert_eq!(d.speaker.as_deref(), Some("sami-haddad"));
    let r = c.quotes.iter().find(|q| q.kind == "reported").unwrap();
    assert!(r.text.starts_with("المحادثات كانت"));
    assert_eq!(r.speaker.as_deref(), Some("sami-haddad"));
}

#[test]
fn nested_quotes() {
    let text = "وقالت ليلى منصور: «قال لي الضابط: \"لن نتراجع\" ثم غادر المكان».";
    let c = run_with(text, PEOPLE);
    let outer = quote(&c, "قال لي");
    assert_eq!(outer.text, "قال لي الضابط: \"لن نتراجع\" ثم غادر المكان");
    assert_eq!(outer.speaker.as_deref(), Some("leila-mansour"));
    let inner = c.quotes.iter().find(|q| q.text == "لن نتراجع").expect("inner quote");
    assert_eq!(inner.kind, "direct");
}

#[test]
fn unbalanced_quotes() {
    // An opening mark never closed makes no direct quote.
    let c = run_with("قال سامي الحداد: «هذا غير مقبول\nوفي سطر آخر» كلام.", PEOPLE);
    assert!(c.quotes.iter().all(|q| q.kind != "direct"), "{:#?}", c.quotes);
    // A straight quote does not pair across lines.
    let c = run("قال مسؤول \"شيء ما\nثم \" آخر");
    assert!(c.quotes.iter().all(|q| q.kind != "direct"), "{:#?}", c.quotes);
    // A closing mark with no opening one is ignored.
    let c = run_with("قال الحداد إن الأمر» انتهى «فعلاً».", PEOPLE);
    let d: Vec<&Quote> = c.quotes.iter().filter(|q| q.kind == "direct").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].text, "فعلاً");
}

#[test]
fn names_in_quotes_are_not_quotes() {
    for text in [
        "ونقلت صحيفة «الأيام» عن مصدر أن الاجتماع تأجل.",
        "عقد اللقاء في قصر «الصنوبر» بحضور الوزراء.",
        "أطلق الجيش صواريخ «ستورم شادو» على الموقع.",
        "كتب على حسابه في منصة «إكس» تعليقاً.",
        "وبث الفيلم على «نتفليكس» الشهر الماضي.",
        "نقل موقع «أكسيوس» الخبر عن مسؤولين.",
        "«الأيام» (بيروت)",
    ] {
        let c = run_with(text, PEOPLE);
        assert!(c.quotes.iter().all(|q| q.kind != "direct"), "{text}: {:#?}", c.quotes);
    }
    // A short quote that is not a name stays a quote.
    let c = run("ووصف المسؤول الاتفاق بأنه «خطوة مهمة».");
    assert_eq!(quote(&c, "خطوة مهمة").kind, "direct");
}

#[test]
fn quotes_never_cross_articles_for_carry() {
    // No speaker to carry in the first sentence of a text.
    let c = run("وأضاف: «سنواصل العمل».");
    assert_eq!(quote(&c, "سنواصل").speaker, None);
}

// ------------------------------------------------------ property testing

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const PIECES: &[&str] = &[
    "قال", "وقال", "وأضاف", ":", "إن", "أن", "بحسب", "وفقاً لـ", "نقلت", "عن", "مضيفاً", "«", "»", "\"", "“", "”",
    "(", ")", "[", "]", "،", ".", "؟", "\n", " ", "  ", "1,012", "3.7", "٣٤٥", "2022", "17:16", "24/07/2025",
    "ألف", "آلاف", "مقابل", "الجميع", "نحو", "أكثر من", "بين", "و30", "إلى", "أو", "ثلاثة", "عشر", "وعشرون",
    "مئة", "مليون", "عشرات", "الآلاف", "من", "منها", "ونصف", "ساعتين", "يومين", "طفلاً", "أسير", "جندي", "%", "٪",
    "بالمئة", "في المئة", "دولار", "$", "-", "/", "هـ", "مايو", "عام", "F", "https://x.co/1", "#وسم_1", "@a1",
    "\u{200B}", "\u{200F}", "\u{202E}", "\u{FEFF}", "\u{0640}", "\u{064B}", "\u{0651}", "😀", "中文", "é", "ء",
    "سامي الحداد", "الحداد", "الحكومة", "باسم", "هذا ما كتبه", "كما تقول", "\r\n", "\t",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        match rng.below(12) {
            0 => s.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}')),
            1 => {
                // Deep nesting of quote marks and brackets.
                let depth = rng.below(40);
                let marks = ["«", "(", "\"", "“", "[", "»", ")", "”"];
                for _ in 0..depth {
                    s.push_str(marks[rng.below(marks.len())]);
                }
            }
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

/// Mentions at random places: most on word boundaries, some anywhere
/// (invalid ones must be ignored, not trusted).
fn random_mentions(rng: &mut Rng, text: &str) -> Vec<Mention> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let kinds = ["person", "org", "place", "nationality"];
    let mut out = Vec::new();
    for _ in 0..rng.below(12) {
        let (s, e) = if rng.below(5) == 0 {
            (rng.below(text.len() + 3), rng.below(text.len() + 3))
        } else {
            let a = bounds[rng.below(bounds.len())];
            let b = bounds[rng.below(bounds.len())];
            (a.min(b), a.max(b))
        };
        out.push(Mention { start: s, end: e, text: String::new(), kind: kinds[rng.below(4)], entity: format!("e{}", rng.below(5)) });
    }
    out
}

#[test]
fn property_never_panics_and_spans_are_valid() {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    for round in 0..400 {
        let n = 1 + rng.below(120);
        let text = random_text(&mut rng, n);
        let mentions = random_mentions(&mut rng, &text);
        let doc = DocText { name: "p", text: &text, articles: Vec::new() };
        let c = analyse(&doc, &mentions);
        check_spans(&text, &c);
        for q in &c.quotes {
            assert!(matches!(q.kind, "direct" | "reported"), "round {round}");
        }
    }
}

#[test]
fn long_lines_and_deep_nesting_stay_fast() {
    let mut cases: Vec<String> = Vec::new();
    cases.push("«".repeat(50_000) + &"»".repeat(50_000));
    cases.push("“«".repeat(30_000) + "”");
    cases.push("\"".repeat(60_001));
    cases.push("وقال: «نعم» ".repeat(8_000));
    cases.push("قال الحداد إن ".repeat(8_000));
    cases.push("بين 20 و30 ".repeat(8_000));
    cases.push("ألف مقابل ".repeat(8_000));
    cases.push(format!("وقال{}إن", " ،".repeat(40_000)));
    cases.push("1,000,".repeat(20_000));
    cases.push("(«\"[".repeat(20_000));
    for text in &cases {
        let start = std::time::Instant::now();
        let mentions: Vec<Mention> = text
            .match_indices("الحداد")
            .map(|(s, m)| Mention { start: s, end: s + m.len(), text: m.into(), kind: "person", entity: "h".into() })
            .collect();
        let doc = DocText { name: "long", text, articles: Vec::new() };
        let c = analyse(&doc, &mentions);
        check_spans(text, &c);
        // Generous even for an unoptimised build: quadratic behaviour on
        // these inputs would take minutes.
        eprintln!("{} bytes: {:?}", text.len(), start.elapsed());
        assert!(start.elapsed().as_secs() < 20, "{} bytes took {:?}", text.len(), start.elapsed());
    }
}

#[test]
fn edge_texts() {
    for text in ["", ".", ". ", ". قال: «نعم»", "\u{FEFF}. «", "«", "»", "\"", "قال", "1", "٪", "$", "ألف", "الجميع مقابل", "بين 3 و", "من 5 إلى", "\n\n\n", "ـ", "ً"] {
        let c = run(text);
        check_spans(text, &c);
    }
}

#[test]
fn a_name_after_a_title_with_its_own_preposition_is_the_speaker() {
    // The institution after باسم is not a mention here: the name after it
    // still belongs to the title, not to the preposition.
    let text = "وقال سفير اليابان كينجي ناكامورا إن الاجتماع كان مثمراً. وقال الناطق باسم وزارة المالية البرتغالية جواو سيلفا إن الميزانية ستعرض قريباً.";
    let c = run_with(text, &[("كينجي ناكامورا", "person", "kenji"), ("البرتغالية", "nationality", "portugal"), ("جواو سيلفا", "person", "joao")]);
    let q = quote(&c, "الميزانية ستعرض");
    assert_eq!(q.speaker.as_deref(), Some("joao"), "{q:?}");
    assert_eq!(q.attribution, Some("cue"));
    // Still the object of a preposition when no title heads it.
    let text = "وقال ناكامورا في اتصال مع جواو سيلفا إن الأمر محسوم.";
    let c = run_with(text, &[("ناكامورا", "person", "kenji"), ("جواو سيلفا", "person", "joao")]);
    assert_eq!(quote(&c, "الأمر محسوم").speaker.as_deref(), Some("kenji"));
}
