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
