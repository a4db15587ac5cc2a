//! The timeline on short texts written for these tests: dated sentences
//! with event words become items, the same happening in two sources is one
//! item, planned happenings are marked, background years are left out.

use khabar::model::{Annotation, DocInput};

fn run(docs: &[(&str, &str, &str)]) -> Annotation {
    let inputs: Vec<DocInput> = docs
        .iter()
        .map(|(n, t, p)| DocInput { name: n.to_string(), text: t.to_string(), published: Some(p.to_string()) })
        .collect();
    khabar::annotate(&inputs).unwrap()
}

#[test]
fn one_meeting_told_by_two_sources_is_one_item() {
    let a = "قمة في أنقرة\n\nالتقى الرئيس التركي رجب طيب أردوغان الرئيس الأوكراني فولوديمير زيلينسكي في أنقرة يوم الاثنين 10 مارس 2025 لبحث الأزمة.";
    let b = "أردوغان يستقبل زيلنسكي\n\nاستقبل أردوغان نظيره زيلنسكي في أنقرة يوم 10 آذار/مارس 2025، وبحث الجانبان تبادل الأسرى.";
    let ann = run(&[("a.txt", a, "2025-03-10"), ("b.txt", b, "2025-03-11")]);
    let items: Vec<_> = ann.timeline.iter().filter(|i| i.date == "2025-03-10").collect();
    assert_eq!(items.len(), 1, "{:#?}", ann.timeline);
    let files: Vec<&str> = items[0].evidence.iter().map(|e| e.file.as_str()).collect();
    assert!(files.contains(&"a.txt") && files.contains(&"b.txt"), "{files:?}");
    assert_eq!(items[0].place.as_deref(), Some(ann.documents[0].mentions.iter().find(|m| m.text.contains("أنقرة")).unwrap().entity.as_str()));
    assert!(!items[0].planned);
}

#[test]
fn evidence_is_the_text_it_points_at() {
    let a = "خبر\n\nوقعت روسيا وأوكرانيا اتفاقاً لتبادل الأسرى في إسطنبول يوم 16 مايو 2025.";
    let ann = run(&[("a.txt", a, "2025-05-17")]);
    let item = ann.timeline.iter().find(|i| i.date == "2025-05-16").expect("the agreement is on the timeline");
    let ev = &item.evidence[0];
    let u: Vec<u16> = a.encode_utf16().collect();
    assert_eq!(String::from_utf16(&u[ev.start..ev.end]).unwrap(), ev.text);
    assert!(ev.text.contains("16 مايو 2025"));
}

#[test]
fn a_future_date_is_planned() {
    let a = "موعد\n\nمن المقرر أن يعقد الوفدان جولة محادثات جديدة في جنيف يوم 20 يونيو 2025.";
    let ann = run(&[("a.txt", a, "2025-06-05")]);
    let item = ann.timeline.iter().find(|i| i.date == "2025-06-20").expect("the planned talks are listed");
    assert!(item.planned);
}

#[test]
fn background_years_and_dateless_sentences_are_not_events() {
    let a = "خلفية\n\nتستمر الحرب منذ عام 2022 دون حل. وقال المتحدث إن المحادثات مهمة.";
    let ann = run(&[("a.txt", a, "2025-06-05")]);
    assert!(ann.timeline.is_empty(), "{:#?}", ann.timeline);
}

#[test]
fn items_are_sorted_by_date() {
    let a = "تسلسل\n\nاجتمع الوزيران في القاهرة يوم 5 أبريل 2025. وكان الطرفان قد وقعا اتفاقاً في الرياض يوم 2 فبراير 2025.";
    let ann = run(&[("a.txt", a, "2025-04-06")]);
    let dates: Vec<&str> = ann.timeline.iter().map(|i| i.date.as_str()).collect();
    assert_eq!(dates, ["2025-02-02", "2025-04-05"]);
}

#[test]
fn each_source_says_its_figures_and_disagreements_show() {
    let a = "تبادل\n\nوقالت وزارة الدفاع الروسية إن الجانبين تبادلا 1000 أسير في بيلاروسيا يوم 23 مايو 2025.";
    let b = "صفقة\n\nتبادلت روسيا وأوكرانيا نحو 1,200 أسير في بيلاروسيا يوم 23 أيار/مايو 2025، بحسب مسؤولين.";
    let ann = run(&[("a.txt", a, "2025-05-24"), ("b.txt", b, "2025-05-24")]);
    let item = ann.timeline.iter().find(|i| i.date == "2025-05-23").expect("the exchange is on the timeline");
    assert_eq!(item.says.len(), 2, "{:#?}", item.says);
    let figures: Vec<f64> = item.says.iter().flat_map(|s| s.quantities.iter().map(|q| q.value)).collect();
    assert!(figures.contains(&1000.0) && figures.contains(&1200.0), "{figures:?}");
    let d = item.disagreements.iter().find(|d| d.figures.len() == 2).expect("the two figures disagree");
    let files: Vec<&str> = d.figures.iter().map(|f| f.file.as_str()).collect();
    assert!(files.contains(&"a.txt") && files.contains(&"b.txt"));
    assert!(d.conflict, "1000 and about 1,200 cannot both hold: {d:#?}");
    // Spans of what a source says are UTF-16 offsets into that source.
    for says in &item.says {
        let text = if says.file == "a.txt" { a } else { b };
        let u: Vec<u16> = text.encode_utf16().collect();
        for q in &says.quantities {
            assert_eq!(String::from_utf16(&u[q.start..q.end]).unwrap(), q.text);
        }
    }
}

#[test]
fn agreeing_sources_are_not_a_disagreement() {
    let a = "تبادل\n\nتبادل الجانبان 500 أسير في إسطنبول يوم 2 يونيو 2025.";
    let b = "خبر\n\nوتبادلت موسكو وكييف 500 أسير في إسطنبول يوم 2 يونيو 2025.";
    let ann = run(&[("a.txt", a, "2025-06-03"), ("b.txt", b, "2025-06-03")]);
    let item = ann.timeline.iter().find(|i| i.date == "2025-06-02").unwrap();
    assert!(item.disagreements.is_empty(), "{:#?}", item.disagreements);
}

#[test]
fn figures_worded_differently_but_compatible_are_not_a_conflict() {
    let a = "عودة\n\nوأفرجت السلطات عن مئات الأطفال المحتجزين في العاصمة يوم 4 مارس 2024.";
    let b = "أطفال\n\nأفرجت السلطات عن 340 طفلاً محتجزاً في العاصمة يوم 4 مارس 2024، وفق المنظمة.";
    let c = "خبر\n\nوأفرجت السلطات عن 90 طفلاً محتجزاً في العاصمة يوم 4 مارس 2024.";
    let ann = run(&[("a.txt", a, "2024-03-05"), ("b.txt", b, "2024-03-05")]);
    let item = ann.timeline.iter().find(|i| i.date == "2024-03-04").expect("the release is on the timeline");
    let d = item.disagreements.iter().find(|d| d.unit == "طفل").expect("the wording differs");
    assert!(!d.conflict, "hundreds and 340 can both hold: {d:#?}");
    let ann = run(&[("a.txt", a, "2024-03-05"), ("c.txt", c, "2024-03-05")]);
    let item = ann.timeline.iter().find(|i| i.date == "2024-03-04").unwrap();
    let d = item.disagreements.iter().find(|d| d.unit == "طفل").expect("the figures differ");
    assert!(d.conflict, "hundreds and 90 cannot both hold: {d:#?}");
}

#[test]
fn the_outlet_reporting_an_event_is_not_a_participant() {
    let a = "قمة\n\nالجزائر – 12 – 3 (واج) – افتتح الرئيس عبد المجيد تبون قمة المناخ في وهران يوم 12 مارس 2026، بحسب وكالة رويترز، وكتب على منصة إكس أن الجزائر مستعدة، بحسب منظمة الصحة العالمية.";
    let ann = run(&[("a.txt", a, "2026-03-12")]);
    let item = ann.timeline.iter().find(|i| i.date == "2026-03-12").expect("the summit is on the timeline");
    assert!(item.participants.contains(&"abdelmadjid-tebboune".to_string()), "{:?}", item.participants);
    for outlet in ["reuters", "x", "aps", "who"] {
        assert!(!item.participants.iter().any(|p| p == outlet), "{outlet} in {:?}", item.participants);
    }
    let d = &ann.documents[0];
    let dateline = d.articles[0].dateline.as_ref().expect("a dateline");
    assert!(
        !d.mentions.iter().any(|m| m.start >= dateline.start && m.end <= dateline.end && item.participants.contains(&m.entity)),
        "the dateline's agency is not a participant: {:?}",
        item.participants
    );
}

#[test]
fn a_press_conference_is_not_a_summit() {
    let a = "فيضانات\n\nوقال وزير الداخلية في مؤتمر صحافي في الجزائر يوم 9 نوفمبر 2026 إن المياه انحسرت.\n\nوافتتح الرئيس مؤتمر الطاقة في وهران يوم 10 نوفمبر 2026.";
    let ann = run(&[("a.txt", a, "2026-11-10")]);
    let what = |date: &str| ann.timeline.iter().find(|i| i.date == date).map(|i| i.what.clone()).unwrap_or_default();
    assert!(what("2026-11-09").starts_with("press conference"), "{:?}", what("2026-11-09"));
    assert!(what("2026-11-10").starts_with("summit"), "{:?}", what("2026-11-10"));
}

#[test]
fn figures_of_a_sentence_with_news_and_background_go_to_the_news() {
    let a = "تبادل\n\nوفي القاعة التي استضافت جولة أولى من المحادثات في يناير 2019، اتفق الطرفان يوم 3 مارس 2026 على تبادل 400 محتجز من كل جانب.";
    let ann = run(&[("a.txt", a, "2026-03-04")]);
    let figures = |date: &str| -> Vec<String> {
        ann.timeline.iter().filter(|i| i.date == date).flat_map(|i| i.says.iter().flat_map(|s| s.quantities.iter().map(|q| q.text.clone()))).collect()
    };
    assert!(figures("2026-03-03").iter().any(|q| q.contains("400")), "{:#?}", ann.timeline);
    assert!(figures("2019-01").is_empty(), "{:?}", figures("2019-01"));
}

fn run_some(docs: &[(&str, &str, Option<&str>)]) -> Annotation {
    let inputs: Vec<DocInput> = docs
        .iter()
        .map(|(n, t, p)| DocInput { name: n.to_string(), text: t.to_string(), published: p.map(str::to_string) })
        .collect();
    khabar::annotate(&inputs).unwrap()
}

fn says_values(item: &khabar::model::TimelineItem, file: &str) -> Vec<f64> {
    item.says.iter().filter(|s| s.file == file).flat_map(|s| s.quantities.iter().map(|q| q.value)).collect()
}

#[test]
fn an_undated_report_joins_the_dated_item_of_another_source() {
    // b.txt has no date: its Sunday meeting in Cairo is a.txt's.
    let a = "لقاء\n\nاجتمع وزيرا الخارجية في القاهرة يوم الأحد 6 أبريل 2025 لبحث ملف اللاجئين.";
    let b = "لقاء الوزيرين\n\nعقد الوزيران يوم الأحد اجتماعاً في القاهرة انتهى باتفاق على إعادة 250 لاجئاً.\n\nوسيعود 40 لاجئاً آخرون لاحقاً.";
    let ann = run_some(&[("a.txt", a, Some("2025-04-07")), ("b.txt", b, None)]);
    let item = ann.timeline.iter().find(|i| i.date == "2025-04-06").expect("the meeting is on the timeline");
    assert!(item.evidence.iter().any(|e| e.file == "b.txt"), "{:#?}", item.evidence);
    assert_eq!(says_values(item, "b.txt"), [250.0, 40.0], "{:#?}", item.says);
    // A weekday that does not fit keeps it apart.
    let c = b.replace("الأحد", "الثلاثاء");
    let ann = run_some(&[("a.txt", a, Some("2025-04-07")), ("c.txt", &c, None)]);
    assert!(ann.timeline.iter().all(|i| i.evidence.iter().all(|e| e.file != "c.txt")), "{:#?}", ann.timeline);
}

#[test]
fn undated_figures_go_to_the_happening_of_their_kind() {
    // The dead are the invasion's (named with its year), not the talks'.
    let a = "محادثات\n\nعقد الطرفان محادثات في جنيف يوم 10 مايو 2025، وهي الأولى منذ الاجتياح عام 2021.\n\nوقتل الاجتياح أكثر من 5000 مدني بحسب الأمم المتحدة، ونزح مئات الآلاف.";
    let ann = run(&[("a.txt", a, "2025-05-11")]);
    let invasion = ann.timeline.iter().find(|i| i.date == "2021").expect("the invasion year is an item");
    assert!(says_values(invasion, "a.txt").contains(&5000.0), "{:#?}", ann.timeline);
    let talks = ann.timeline.iter().find(|i| i.date == "2025-05-10").unwrap();
    assert!(!says_values(talks, "a.txt").contains(&5000.0), "{:#?}", talks.says);
}

#[test]
fn figures_far_down_the_article_go_to_its_news_not_to_a_proposal() {
    let a = "جولة\n\nاختتمت في الدوحة يوم الاثنين 2 يونيو 2025 جولة المفاوضات بين الحكومة والمعارضة.\n\nوشارك في الجلسة 9 أعضاء من كل وفد.\n\nواستمرت الجلسة 3 ساعات.\n\nونوقش إطلاق 70 معتقلاً.\n\nوقدم الوسطاء 5 مقترحات.\n\nواقترحت المعارضة عقد جولة جديدة نهاية يونيو الجاري.\n\nوتم الاتفاق على تسليم 400 جثة.";
    let ann = run(&[("a.txt", a, "2025-06-03")]);
    let news = ann.timeline.iter().find(|i| i.date == "2025-06-02").expect("the talks are on the timeline");
    let v = says_values(news, "a.txt");
    for x in [9.0, 3.0, 70.0, 5.0, 400.0] {
        assert!(v.contains(&x), "{x} missing: {:#?}", ann.timeline);
    }
    let proposal = ann.timeline.iter().find(|i| i.date.starts_with("2025-06") && i.date != "2025-06-02");
    assert!(proposal.is_none_or(|p| p.planned && says_values(p, "a.txt").is_empty()), "{:#?}", proposal);
}
