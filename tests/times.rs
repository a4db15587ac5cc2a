//! Calendar references (`khabar::times`), their resolution against the
//! article date, the publication date (`khabar::published`) and the Hijri
//! conversion. Every sentence here is written for the test.

use khabar::articles::ArticleSeg;
use khabar::calendar::Date;
use khabar::model::Span;
use khabar::{published, times, DocText};

fn seg(start: usize, end: usize, published: Option<&str>) -> ArticleSeg {
    ArticleSeg {
        start,
        end,
        title: Span { start, end: start },
        published: published.map(|p| Date::parse_iso(p).unwrap()),
        published_from: None,
        dateline: None,
        captions: vec![],
        boilerplate: vec![],
    }
}

/// `(text, value)` of every time in `text`, one article dated `anchor`.
fn times_in(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>)> {
    let doc = DocText { name: "t", text, articles: vec![seg(0, text.len(), anchor)] };
    times::analyse(&doc).into_iter().map(|t| (t.text, t.value)).collect()
}

fn tv(pairs: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    pairs.iter().map(|&(t, v)| (t.to_string(), if v == "null" { None } else { Some(v.to_string()) })).collect()
}

/// Values only.
fn values(text: &str, anchor: &str) -> Vec<String> {
    times_in(text, Some(anchor)).into_iter().map(|(_, v)| v.unwrap_or_else(|| "null".into())).collect()
}

const A: &str = "2025-06-10"; // a Tuesday

// ---- forms ---------------------------------------------------------------

#[test]
fn month_names_of_every_region() {
    let names: [(&str, u32); 40] = [
        ("يناير", 1), ("كانون الثاني", 1), ("جانفي", 1),
        ("فبراير", 2), ("شباط", 2), ("فيفري", 2),
        ("مارس", 3), ("آذار", 3),
        ("أبريل", 4), ("إبريل", 4), ("نيسان", 4), ("أفريل", 4),
        ("مايو", 5), ("أيار", 5), ("ماي", 5),
        ("يونيو", 6), ("يونيه", 6), ("حزيران", 6), ("جوان", 6),
        ("يوليو", 7), ("يوليه", 7), ("تموز", 7), ("يوليوز", 7), ("جويلية", 7),
        ("أغسطس", 8), ("آب", 8), ("غشت", 8), ("أوت", 8),
        ("سبتمبر", 9), ("أيلول", 9), ("شتنبر", 9),
        ("أكتوبر", 10), ("تشرين الأول", 10),
        ("نوفمبر", 11), ("تشرين الثاني", 11), ("نونبر", 11),
        ("ديسمبر", 12), ("كانون الأول", 12), ("دجنبر", 12),
        ("اكتوبر", 10),
    ];
    for (name, m) in names {
        let text = format!("وصل الوفد في 5 {name} 2024 إلى العاصمة.");
        let want = format!("2024-{m:02}-05");
        assert_eq!(times_in(&text, Some(A)), tv(&[(&format!("5 {name} 2024"), &want)]), "{name}");
    }
}

#[test]
fn paired_month_names() {
    assert_eq!(
        times_in("انعقدت الجولة في 16 مايو (أيار) 2025 في المدينة.", Some(A)),
        tv(&[("16 مايو (أيار) 2025", "2025-05-16")])
    );
    assert_eq!(times_in("وصل يوم 23 تموز/يوليو إلى بيروت.", Some("2025-08-01")), tv(&[("يوم 23 تموز/يوليو", "2025-07-23")]));
    assert_eq!(times_in("يبدأ العمل في أكتوبر تشرين الأول 2026.", Some(A)), tv(&[("أكتوبر تشرين الأول 2026", "2026-10")]));
    assert_eq!(times_in("وقّع الاتفاق في كانون الثاني/يناير 2024.", Some(A)), tv(&[("كانون الثاني/يناير 2024", "2024-01")]));
}

#[test]
fn arabic_indic_digits() {
    assert_eq!(times_in("أُعلن القرار في ١٦ مايو ٢٠٢٥.", Some(A)), tv(&[("١٦ مايو ٢٠٢٥", "2025-05-16")]));
    assert_eq!(times_in("صدر البيان ٢٤/٠٧/٢٠٢٥ مساءً.", Some(A)), tv(&[("٢٤/٠٧/٢٠٢٥", "2025-07-24")]));
}

#[test]
fn numeric_dates() {
    assert_eq!(
        values("سُجلت الحادثة 24/07/2025 ثم 2025/09/07 ثم 03.12.2025 وأخيرا 2025-06-11.", A),
        ["2025-07-24", "2025-09-07", "2025-12-03", "2025-06-11"]
    );
    // Not dates: a score, a decimal, a phone-like run.
    assert!(times_in("انتهت المباراة 3/1 ونما الاقتصاد 3.7 بالمئة.", Some(A)).is_empty());
    // An impossible date is dropped.
    assert!(times_in("في 31/02/2025 لا شيء.", Some(A)).is_empty());
}

#[test]
fn agency_dateline() {
    // Day 2, month 6, before the agency; the year is the article's.
    assert_eq!(
        times_in("الدوحة - 2 - 6 (قنا) -- أعلنت الوزارة خطة جديدة.", Some("2025-06-02")),
        tv(&[("2 - 6", "2025-06-02")])
    );
    assert_eq!(times_in("الدوحة – 2 – 6 (قنا) -- أعلنت الوزارة خطة جديدة.", None), tv(&[("2 – 6", "null")]));
}

#[test]
fn ordinal_and_spelled_days_and_years() {
    assert_eq!(
        times_in("تُعقد القمة في الحادي عشر من الشهر الجاري بعد تأجيلها في الخامس من مايو.", Some(A)),
        tv(&[("الحادي عشر من الشهر الجاري", "2025-06-11"), ("الخامس من مايو", "2025-05-05")])
    );
    assert_eq!(times_in("وُلد في الثاني والعشرين من شهر مارس 1990.", Some(A)), tv(&[("الثاني والعشرين من شهر مارس 1990", "1990-03-22")]));
    assert_eq!(times_in("تنتهي الخطة عام ألفين وخمسة وعشرين.", Some(A)), tv(&[("عام ألفين وخمسة وعشرين", "2025")]));
    assert_eq!(times_in("في العام ألفين وتسعة عشر تغيّر كل شيء.", Some(A)), tv(&[("العام ألفين وتسعة عشر", "2019")]));
    // An ordinal that is not a day.
    assert!(times_in("وصل الوفد الثاني من المفاوضين.", Some(A)).is_empty());
}

#[test]
fn weekdays_with_and_without_prefixes() {
    let got = times_in(
        "اجتمع الوزراء يوم الأحد، وقال المتحدث اليوم الثلاثاء إنه تحدث أمس الاثنين مع نظيره وسيزوره بعد غد الخميس، فيما عقدت الحكومة الجمعة الماضية جلسة.",
        Some(A),
    );
    assert_eq!(
        got,
        tv(&[
            ("يوم الأحد", "2025-06-08"),
            ("اليوم الثلاثاء", "2025-06-10"),
            ("أمس الاثنين", "2025-06-09"),
            ("بعد غد الخميس", "2025-06-12"),
            ("الجمعة الماضية", "2025-06-06"),
        ])
    );
    assert_eq!(times_in("سيجتمعون الأحد المقبل في جنيف.", Some(A)), tv(&[("الأحد المقبل", "2025-06-15")]));
    assert_eq!(times_in("ويصل غداً الأربعاء.", Some(A)), tv(&[("غداً الأربعاء", "2025-06-11")]));
    assert_eq!(times_in("أكد الوزير اليوم /الخميس/ أن الاتفاق قائم.", Some("2025-06-12")), tv(&[("اليوم /الخميس", "2025-06-12")]));
}

#[test]
fn weekday_future_clause_points_ahead() {
    // Past reporting: the latest such day; a future clause: the next one.
    assert_eq!(values("التقى الرئيسان يوم الأحد في القصر.", A), ["2025-06-08"]);
    assert_eq!(values("سيلتقي الرئيسان يوم الأحد في القصر.", A), ["2025-06-15"]);
    assert_eq!(values("من المقرر أن يصل الوفد يوم الخميس.", A), ["2025-06-12"]);
}

#[test]
fn relative_days_months_years() {
    assert_eq!(
        times_in("قال الناطق اليوم إن الوفد وصل أمس وسيغادر غداً، على أن يعود بعد غد.", Some(A)),
        tv(&[("اليوم", "2025-06-10"), ("أمس", "2025-06-09"), ("غداً", "2025-06-11"), ("بعد غد", "2025-06-12")])
    );
    assert_eq!(
        times_in("تبادل الطرفان القصف ليل الأحد - الاثنين قرب الحدود.", Some(A)),
        tv(&[("ليل الأحد - الاثنين", "2025-06-08/2025-06-09")])
    );
    assert_eq!(
        times_in("ارتفعت الأسعار الشهر الماضي وتتوقع الحكومة تحسنها العام المقبل قبل نهاية العام وحلول العام الجديد.", Some(A)),
        tv(&[("الشهر الماضي", "2025-05"), ("العام المقبل", "2026"), ("نهاية العام", "2025"), ("العام الجديد", "2026")])
    );
    assert_eq!(values("انخفض التضخم منذ مطلع العام الجاري وحتى نهاية الشهر المقبل.", A), ["2025", "2025-07"]);
    assert_eq!(values("وصلت الشحنة أول أمس.", A), ["2025-06-08"]);
}

#[test]
fn not_times() {
    for s in [
        "استمر الاجتماع ساعتين بعد ثلاث سنوات من الحرب.",
        "سيعقد لقاء في الأسبوع الماضي أو هذا الأسبوع.",
        "تبدأ الجلسة الساعة 10:30 صباحاً.",
        "في اليوم الأول من المفاوضات وفي اليوم التالي لم يحدث شيء.",
        "قال الأمين العام الجديد إن الرأي العام غاضب.",
        "مارس الرئيس ضغوطا كبيرة على خصومه.",
        "في هذه الصورة التي نشرتها الوزارة (توكيش ، في آب).",
        "قُتل 2000 جندي وأُسر 1500 مقاتل.",
        "وقال: «كنا مستعدين بالأمس ونحن مستعدون اليوم وسنكون مستعدين غداً».",
        "أبرز الأحداث، اليوم 1,012 من الحرب.",
        "يحل الصيف وفصل الشتاء وعيد الفطر.",
        "كلا الاثنين حضرا الأحد عشر اجتماعا.",
        "غدا الوضع أكثر تعقيدا.",
        "أعلنت الشركة توزيع 2024 منحة دراسية على الطلاب.",
        "صدر القرار رقم 2024 بعد مناقشة القرار 2231.",
    ] {
        assert_eq!(times_in(s, Some(A)), vec![], "{s}");
    }
}

#[test]
fn ranges() {
    assert_eq!(times_in("اقترح عقد اجتماع بين 20 و30 يونيو.", Some("2025-06-03")), tv(&[("20 و30 يونيو", "2025-06-20/2025-06-30")]));
    assert_eq!(times_in("تستمر المناورات من 23 إلى 25 مايو.", Some(A)), tv(&[("23 إلى 25 مايو", "2025-05-23/2025-05-25")]));
    assert_eq!(
        times_in("يمتد المعرض من 30 ديسمبر إلى 2 يناير 2026.", Some(A)),
        tv(&[("30 ديسمبر إلى 2 يناير 2026", "2025-12-30/2026-01-02")])
    );
    assert_eq!(times_in("شغل المنصب (1996-1999) ثم تقاعد.", Some(A)), tv(&[("1996-1999", "1996/1999")]));
}

#[test]
fn months_and_years_alone() {
    assert_eq!(
        times_in("بدأت الحرب عام 2022 واستمرت منذ 2014 حتى منتصف يونيو، وفي سبتمبر تُجرى مناورات.", Some("2025-05-16")),
        tv(&[("عام 2022", "2022"), ("2014", "2014"), ("منتصف يونيو", "2025-06"), ("سبتمبر", "2025-09")])
    );
    assert_eq!(values("تغيّر الوضع بـ2022 وفي نوفمبر.", "2025-02-10"), ["2022", "2024-11"]);
    assert_eq!(values("أعلنت في مايو الماضي ثم في مارس (آذار) 2022.", A), ["2025-05", "2022-03"]);
    assert_eq!(values("تنتهي ولايته نهاية يونيو الجاري.", A), ["2025-06"]);
}

#[test]
fn date_with_clock_time_has_minutes() {
    assert_eq!(times_in("آخر تحديث: 2 يونيو 2025 - 17:16", Some(A)), tv(&[("2 يونيو 2025 - 17:16", "2025-06-02T17:16")]));
    assert_eq!(values("08:59 24/07/2025، الخميس", A), ["2025-07-24T08:59"]);
    assert_eq!(values("2025/09/07 | 21:35", A), ["2025-09-07T21:35"]);
}

#[test]
fn hijri_dates() {
    assert_eq!(
        times_in("صدر المرسوم الأحد 27 ذو القعدة 1446هـ الموافق 25 مايو 2025م.", Some(A)),
        tv(&[("الأحد 27 ذو القعدة 1446هـ", "2025-05-25"), ("25 مايو 2025م", "2025-05-25")])
    );
    assert_eq!(values("يبدأ الصيام في 1 رمضان 1446 هـ.", A), ["2025-03-01"]);
    assert_eq!(values("حلّ 1 محرم 1446هـ.", A), ["2024-07-08"]);
    assert_eq!(values("خلال رمضان 1446هـ.", A), ["2025-03-01/2025-03-30"]);
    // A weekday written with it settles the tabular ±1 day: 10 Dhu al-Hijja
    // 1446 is 2025-06-07 in the tabular calendar, but the text says Friday
    // (it was Friday 6 June by Umm al-Qura).
    assert_eq!(values("عيد الأضحى يوم الجمعة العاشر من ذي الحجة 1446هـ.", A), ["2025-06-06"]);
    assert_eq!(values("الوقوف بعرفة الخميس 9 ذو الحجة.", "2025-06-04"), ["2025-06-05"]);
}

// ---- resolution traps ----------------------------------------------------

#[test]
fn weekday_disagreeing_with_its_date_keeps_the_date() {
    // 3 June 2025 is a Tuesday; the explicit date wins.
    assert_eq!(times_in("جرى اللقاء يوم الاثنين 3 يونيو في الرياض.", Some(A)), tv(&[("يوم الاثنين 3 يونيو", "2025-06-03")]));
    // A weekday that agrees picks the year: 24 July was a Thursday in 2025.
    assert_eq!(values("وقع الحادث الخميس 24 يوليو.", "2025-08-30"), ["2025-07-24"]);
}

#[test]
fn related_story_in_the_same_file_resolves_against_its_own_date() {
    let main = "اجتمع الوفدان يوم الاثنين في إسطنبول.\n";
    let related = "أعلن الجيش الخميس أنه استهدف مصفاة.\n";
    let text = format!("{main}{related}");
    let doc = DocText {
        name: "t",
        text: &text,
        articles: vec![seg(0, main.len(), Some("2025-06-03")), seg(main.len(), text.len(), Some("2025-12-26"))],
    };
    let got: Vec<Option<String>> = times::analyse(&doc).into_iter().map(|t| t.value).collect();
    assert_eq!(got, [Some("2025-06-02".into()), Some("2025-12-25".into())]);
}

#[test]
fn year_rollover_around_new_year() {
    let jan = "2026-01-03";
    assert_eq!(values("وقع الهجوم في 28 ديسمبر وأعلن عنه يوم الأربعاء.", jan), ["2025-12-28", "2025-12-31"]);
    assert_eq!(values("يبدأ التطبيق مطلع العام الجديد بعد ديسمبر الماضي.", jan), ["2026", "2025-12"]);
    assert_eq!(values("قال أمس إن الانتخابات في 5 يناير.", "2025-12-30"), ["2025-12-29", "2026-01-05"]);
    assert_eq!(values("ارتفع الإنتاج في ديسمبر.", "2026-01-10"), ["2025-12"]);
}

#[test]
fn no_anchor_means_null_not_a_guess() {
    assert_eq!(
        times_in("قال الوزير يوم الأحد إن اتفاق 16 مايو الماضي صامد منذ عام 2022.", None),
        tv(&[("يوم الأحد", "null"), ("16 مايو الماضي", "null"), ("عام 2022", "2022")])
    );
}

// ---- publication date ----------------------------------------------------

fn pubdate(text: &str) -> (Option<String>, Option<&'static str>) {
    let (d, f) = published::detect(text, 0, text.len(), None);
    (d.map(|d| d.iso()), f)
}

#[test]
fn publication_date_stated_in_the_text() {
    let t = |d: &str| (Some(d.to_string()), Some("text"));
    assert_eq!(pubdate("عنوان\nقال الوزير اليوم الأحد إن ...\nآخر تحديث: 2 يونيو 2025 - 17:16\n"), t("2025-06-02"));
    assert_eq!(pubdate("عنوان\nنُشر في: الأحد 7 سبتمبر 2025 - 21:35\nنص."), t("2025-09-07"));
    assert_eq!(pubdate("عنوان\nتاريخ النشر 12/05/2024\nنص."), t("2024-05-12"));
    assert_eq!(pubdate("عنوان\n08:59 24/07/2025، الخميس\nنص الخبر."), t("2025-07-24"));
    assert_eq!(pubdate("عنوان\n2025/09/07 | 21:35\nنص."), t("2025-09-07"));
    assert_eq!(pubdate("عنوان\n03.12.2025\nنص."), t("2025-12-03"));
    // A publication cue beats an update cue.
    assert_eq!(pubdate("نشر في 1 مايو 2025\nنص.\nآخر تحديث: 3 مايو 2025"), t("2025-05-01"));
    // A dateline with day and month, the year from the article's dates.
    assert_eq!(pubdate("الكويت - 2 - 6 (كونا) -- قال الوزير إن اتفاق 28 مايو 2025 صامد."), t("2025-06-02"));
}

#[test]
fn publication_date_inferred_from_relative_dates() {
    let inf = |d: &str| (Some(d.to_string()), Some("inferred"));
    // The first Friday on or after the latest explicit date.
    assert_eq!(pubdate("صورة للرئيس في مكتبه يوم 23 ديسمبر 2025.\nقال الرئيس اليوم الجمعة إن المحادثات تقدمت."), inf("2025-12-26"));
    // The reporting's first weekday, on or after the latest dated event.
    assert_eq!(pubdate("انطلقت المحادثات يوم الأربعاء بعد تصريحات الثلاثاء 22 يوليو 2025."), inf("2025-07-23"));
    // أمس الخميس → the article is a Friday.
    assert_eq!(pubdate("وقّع الاتفاق في 20 مارس 2025، وقال الوزير أمس الخميس إنه سيطبق."), inf("2025-03-21"));
}

#[test]
fn publication_date_from_its_own_event_when_relatives_do_not_pin_a_day() {
    let text = "أعلنت المندوبية، يوم الخميس 5 يونيو 2025، أن البطالة ارتفعت خلال السنة الجارية، وكانت قد أعلنت في شتنبر الماضي برنامجا، وسيناقش البرلمان الحصيلة يوم الثلاثاء المقبل.";
    assert_eq!(pubdate(text), (Some("2025-06-05".into()), Some("inferred")));
    let doc = DocText { name: "t", text, articles: vec![seg(0, text.len(), Some("2025-06-05"))] };
    let got: Vec<String> = times::analyse(&doc).into_iter().map(|t| t.value.unwrap()).collect();
    assert_eq!(got, ["2025-06-05", "2025", "2024-09", "2025-06-10"]);
}

#[test]
fn publication_date_never_invented() {
    // Only a weekday and a year: no day can be pinned.
    assert_eq!(pubdate("اجتمع الطرفان يوم الجمعة في الحرب المستمرة منذ 2022."), (None, None));
    // Only explicit dates, nothing relative.
    assert_eq!(pubdate("صورة من لقاء في 15 ديسمبر 2025."), (None, None));
    let (d, f) = published::detect("لا تاريخ هنا", 0, 5, Date::new(2025, 3, 4));
    assert_eq!((d.map(|d| d.iso()), f), (Some("2025-03-04".into()), Some("given")));
}

#[test]
fn publication_date_per_article_range() {
    let a = "عنوان أول\nنشر في 1 يونيو 2025\nنص.\n";
    let b = "عنوان ثان\nقال الوزير اليوم الخميس إن اتفاق 2 يونيو 2025 صامد.\n";
    let text = format!("{a}{b}");
    assert_eq!(published::detect(&text, 0, a.len(), None).0.map(|d| d.iso()), Some("2025-06-01".into()));
    // The second article is not dated by the first one's stamp.
    assert_eq!(published::detect(&text, a.len(), text.len(), None).0.map(|d| d.iso()), Some("2025-06-05".into()));
}

// ---- robustness ----------------------------------------------------------

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Random text mixing time words, digits of three scripts, punctuation,
/// marks, other scripts, emoji and very long lines.
fn random_text(rng: &mut XorShift) -> String {
    const PIECES: [&str; 48] = [
        "يوم", "اليوم", "أمس", "غداً", "بعد", "غد", "الأحد", "الاثنين", "الجمعة", "مايو", "(أيار)", "كانون", "الثاني", "تشرين",
        "ذو", "القعدة", "1446هـ", "عام", "العام", "الماضي", "المقبل", "الجاري", "نهاية", "منتصف", "من", "الحادي", "عشر", "و30",
        "بين", "إلى", "ليل", "-", "–", "/", ":", "،", "(", ")", "«", "»", "\"", "\n", "2025", "٢٠٢٥", "۱۴۴۶", "16", "03.12.2025", "17:16",
    ];
    let mut s = String::new();
    let n = rng.below(60);
    for _ in 0..n {
        match rng.below(10) {
            0..=5 => s.push_str(PIECES[rng.below(PIECES.len())]),
            6 => {
                for _ in 0..rng.below(6) {
                    let c = match rng.below(6) {
                        0 => char::from_u32(0x0600 + rng.below(0x100) as u32),
                        1 => char::from_u32(0x1F600 + rng.below(0x50) as u32),
                        2 => char::from_u32(0x0400 + rng.below(0x100) as u32),
                        3 => char::from_u32(0x064B + rng.below(8) as u32),
                        4 => char::from_u32(0x200B + rng.below(0x10) as u32),
                        _ => char::from_u32(0x20 + rng.below(0x60) as u32),
                    };
                    s.extend(c);
                }
            }
            7 => s.push_str(&rng.below(40000).to_string()),
            8 => s.push_str(&"٢".repeat(rng.below(30))),
            _ => {}
        }
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    if rng.below(20) == 0 {
        // A huge line.
        let long = "الجمعة 16 مايو 2025 ".repeat(2000);
        s.push_str(&long);
    }
    s
}

#[test]
fn property_never_panics_and_spans_are_sound() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..1500 {
        let text = random_text(&mut rng);
        let anchor = ["2025-06-10", "2024-02-29", "2025-12-31"][round % 3];
        let doc = DocText { name: "r", text: &text, articles: vec![seg(0, text.len(), Some(anchor))] };
        for t in times::analyse(&doc) {
            assert!(t.start < t.end && t.end <= text.len(), "{round}: {t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "{round}: {t:?}");
            assert_eq!(&text[t.start..t.end], t.text);
            if let Some(v) = &t.value {
                assert!(v.len() >= 4 && v.as_bytes()[0].is_ascii_digit(), "{round}: {v}");
            }
        }
        // Any byte range, even off char boundaries or past the end.
        let a = rng.below(text.len() + 3);
        let b = rng.below(text.len() + 3);
        let _ = published::detect(&text, a, b, None);
    }
}

#[test]
fn expressions_are_in_order_and_do_not_overlap() {
    let text = "قال اليوم الجمعة 16 مايو 2025 إن اجتماع 20 و30 يونيو وعام 2022 ومايو الماضي وأمس الخميس.";
    let doc = DocText { name: "t", text, articles: vec![seg(0, text.len(), Some("2025-05-16"))] };
    let ts = times::analyse(&doc);
    assert_eq!(ts.len(), 5);
    for w in ts.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}
