//! Named entities and cross-document linking, one test a mechanism, on short
//! texts written for these tests.

use khabar::entities::analyse;
use khabar::model::{Entity, Mention};
use khabar::DocText;

fn run(texts: &[&str]) -> (Vec<Vec<Mention>>, Vec<Entity>) {
    let docs: Vec<DocText> = texts.iter().enumerate().map(|(i, t)| DocText { name: NAMES[i], text: t, articles: vec![] }).collect();
    analyse(&docs)
}

const NAMES: [&str; 4] = ["a.txt", "b.txt", "c.txt", "d.txt"];

fn one(text: &str) -> Vec<Mention> {
    run(&[text]).0.remove(0)
}

fn find<'a>(ms: &'a [Mention], text: &str) -> &'a Mention {
    ms.iter().find(|m| m.text == text).unwrap_or_else(|| panic!("no mention {text:?} in {:?}", ms.iter().map(|m| (&m.text, m.kind)).collect::<Vec<_>>()))
}

fn has(ms: &[Mention], text: &str) -> bool {
    ms.iter().any(|m| m.text == text)
}

fn texts(ms: &[Mention]) -> Vec<(&str, &str)> {
    ms.iter().map(|m| (m.text.as_str(), m.kind)).collect()
}

#[test]
fn proclitics_stay_inside_the_span() {
    let ms = one("قال مسؤول إن لروسيا مصالح، ووصل الوفد بإسطنبول وزيلينسكي معه.");
    assert_eq!(find(&ms, "لروسيا").kind, "place");
    assert_eq!(find(&ms, "بإسطنبول").kind, "place");
    assert_eq!(find(&ms, "وزيلينسكي").kind, "person");
    // The same referent whatever the clitics.
    let ms2 = one("تقع روسيا شرقاً.");
    assert_eq!(find(&ms, "لروسيا").entity, find(&ms2, "روسيا").entity);
}

#[test]
fn quotes_and_punctuation_stay_outside() {
    let text = "نفى «الكرملين» الخبر (موسكو).";
    let ms = one(text);
    let k = find(&ms, "الكرملين");
    assert_eq!(k.kind, "org");
    assert_eq!(&text[k.start..k.end], "الكرملين");
    assert_eq!(find(&ms, "موسكو").kind, "place");
}

#[test]
fn metonymy_keeps_the_kind() {
    let ms = one("ردت كييف على الكرملين، وقالت موسكو إنها سترد.");
    assert_eq!(find(&ms, "كييف").kind, "place");
    assert_eq!(find(&ms, "موسكو").kind, "place");
    assert_eq!(find(&ms, "الكرملين").kind, "org");
}

#[test]
fn titles_are_outside_person_spans() {
    let ms = one("التقى الرئيس الأوكراني فولوديمير زيلينسكي نظيره في أوكرانيا.");
    assert_eq!(find(&ms, "فولوديمير زيلينسكي").kind, "person");
    let nat = find(&ms, "الأوكراني");
    assert_eq!(nat.kind, "nationality");
    // A nationality points at its place.
    assert_eq!(nat.entity, find(&ms, "أوكرانيا").entity);
    assert!(!ms.iter().any(|m| m.text.contains("الرئيس")));
}

#[test]
fn nationality_inside_an_organisation_name_is_not_marked() {
    let ms = one("أصدرت وزارة الخارجية التركية بياناً، وعلّق الجانب الروسي عليه.");
    assert_eq!(find(&ms, "وزارة الخارجية التركية").kind, "org");
    assert!(!has(&ms, "التركية"));
    // A common noun is no mention; its nationality is.
    assert_eq!(find(&ms, "الروسي").kind, "nationality");
    assert!(!ms.iter().any(|m| m.text.contains("الجانب")));
}

#[test]
fn institutions_named_by_a_nationality_are_common_nouns() {
    let ms = one("قال الجيش الأوكراني إن القوات الروسية تقدمت، وأيدت الحكومة الأوكرانية ذلك.");
    assert_eq!(texts(&ms), vec![("الأوكراني", "nationality"), ("الروسية", "nationality"), ("الأوكرانية", "nationality")]);
}

#[test]
fn a_body_with_its_own_name_is_an_organisation() {
    let ms = one("وأفادت القوات المسلحة الأوكرانية بأن مجلس الشيوخ صوّت، فيما رحبت حركة حماس بالقرار.");
    assert_eq!(find(&ms, "القوات المسلحة الأوكرانية").kind, "org");
    assert_eq!(find(&ms, "مجلس الشيوخ").kind, "org");
    assert_eq!(find(&ms, "حركة حماس").kind, "org");
    let ms2 = one("قالت حماس إنها توافق.");
    assert_eq!(find(&ms, "حركة حماس").entity, find(&ms2, "حماس").entity);
}

#[test]
fn an_unknown_ministry_is_found_by_its_head() {
    let ms = one("قالت وزارة الزراعة الكينية إن المحصول تراجع.");
    let m = find(&ms, "وزارة الزراعة الكينية");
    assert_eq!(m.kind, "org");
}

#[test]
fn quoted_palace_name_alone_unquoted_head_included() {
    let ms = one("عقدت الجولة في قصر «تشيراغان سراي» المطل على البحر.");
    assert_eq!(find(&ms, "تشيراغان سراي").kind, "place");
    assert!(!ms.iter().any(|m| m.text.contains("قصر")));
    let ms = one("وصل الوفد إلى قصر دولماباش صباحاً.");
    assert_eq!(find(&ms, "قصر دولماباش").kind, "place");
}

#[test]
fn latin_script_names() {
    let ms = one("قال المتحدث باسم الوزارة Heorhii Tykhii لوكالة AP إن Putin لم يرد، وكتب على X.");
    assert_eq!(find(&ms, "Heorhii Tykhii").kind, "person");
    // An unquoted head belongs to the name (as in حركة حماس).
    assert_eq!(find(&ms, "لوكالة AP").kind, "org");
    let ms_ap = one("(AP) – بدأت المحادثات.");
    assert_eq!(find(&ms_ap, "AP").entity, find(&ms, "لوكالة AP").entity);
    assert_eq!(find(&ms, "X").kind, "org");
    let putin = find(&ms, "Putin");
    assert_eq!(putin.kind, "person");
    let ms2 = one("قال فلاديمير بوتين إن الحرب ستستمر.");
    assert_eq!(putin.entity, find(&ms2, "فلاديمير بوتين").entity);
}

#[test]
fn handles_and_urls_are_not_mentions() {
    let ms = one("تابعونا على @Kremlin_Russia و https://example.com/russia-ukraine #روسيا");
    assert!(ms.is_empty(), "{:?}", texts(&ms));
}

#[test]
fn people_sharing_a_first_name_are_not_merged() {
    let (docs, _) = run(&["التقى فلاديمير بوتين مستشاره فلاديمير ميدينسكي. وقال ميدينسكي إن بوتين وافق."]);
    let ms = &docs[0];
    let putin = &find(ms, "فلاديمير بوتين").entity;
    let medinsky = &find(ms, "فلاديمير ميدينسكي").entity;
    assert_ne!(putin, medinsky);
    assert_eq!(&find(ms, "ميدينسكي").entity, medinsky);
    assert_eq!(&find(ms, "بوتين").entity, putin);
}

#[test]
fn first_name_of_one_surname_of_another() {
    // A wrong first name before a known surname: the surname decides.
    let ms = one("اتصل فلاديمير زيلينسكي بالرئيس فلاديمير بوتين.");
    let z = find(&ms, "فلاديمير زيلينسكي");
    let ms2 = one("قال زيلينسكي إنه مستعد.");
    assert_eq!(z.entity, find(&ms2, "زيلينسكي").entity);
    assert_ne!(z.entity, find(&ms, "فلاديمير بوتين").entity);
}

#[test]
fn unknown_person_after_a_title_and_bare_surname_later() {
    let (docs, ents) = run(&["قال وزير الخارجية الكيني زيرغان كوتوموف، إن بلاده مستعدة. وأضاف كوتوموف: «سنرى»."]);
    let ms = &docs[0];
    let full = find(ms, "زيرغان كوتوموف");
    assert_eq!(full.kind, "person");
    assert_eq!(find(ms, "كوتوموف").entity, full.entity);
    let e = ents.iter().find(|e| e.id == full.entity).unwrap();
    assert_eq!(e.kind, "person");
    assert_eq!(e.counts.iter().map(|c| c.count).sum::<usize>(), 2);
    assert_eq!(e.forms.len(), 2);
}

#[test]
fn unknown_person_by_given_name_and_reporting_verb() {
    let ms = one("وقال أولكسندر بريزوفيتش للصحفيين إن الهجوم فشل.");
    assert_eq!(find(&ms, "أولكسندر بريزوفيتش").kind, "person");
    let ms = one("وقال مسؤول كبير إن الهجوم فشل، وأكد مصدر ذلك.");
    assert!(ms.is_empty(), "{:?}", texts(&ms));
}

#[test]
fn two_documents_link_trump_and_umerov_spellings() {
    let (docs, ents) = run(&[
        "قال دونالد ترامب إن وزير الدفاع الأوكراني رستم عمروف سيزور واشنطن.",
        "أكد ترمب أن رستم أوميروف وصل، وقال عميروف إن المحادثات جيدة.",
    ]);
    let trump = &find(&docs[0], "دونالد ترامب").entity;
    assert_eq!(&find(&docs[1], "ترمب").entity, trump);
    let umerov = &find(&docs[0], "رستم عمروف").entity;
    assert_eq!(&find(&docs[1], "رستم أوميروف").entity, umerov);
    assert_eq!(&find(&docs[1], "عميروف").entity, umerov);
    assert_ne!(trump, umerov);
    let e = ents.iter().find(|e| &e.id == trump).unwrap();
    assert_eq!(e.counts.len(), 2, "counted in both documents");
    assert_eq!(e.name_en.as_deref(), Some("Donald Trump"));
}

#[test]
fn unknown_names_link_across_documents_by_skeleton() {
    let (docs, _) = run(&[
        "قال الوزير ألكسندر كوزنيتسوف إن الاتفاق قريب.",
        "نفى ألكسندر كوزنتسوف ذلك، وأكد النائب ميخائيل كوزنيتسوف العكس.",
    ]);
    let a = &find(&docs[0], "ألكسندر كوزنيتسوف").entity;
    assert_eq!(&find(&docs[1], "ألكسندر كوزنتسوف").entity, a);
    // Same surname, another first name: another person.
    assert_ne!(&find(&docs[1], "ميخائيل كوزنيتسوف").entity, a);
}

#[test]
fn a_near_miss_spelling_links_only_with_the_same_role() {
    let (docs, _) = run(&[
        "قال وزير الخارجية التركي هاكان فيدان إن الجولة مفيدة.",
        "افتتح وزير الخارجية التركي هاكان فيان الجلسة.",
    ]);
    assert_eq!(find(&docs[1], "هاكان فيان").entity, find(&docs[0], "هاكان فيدان").entity);
    let (docs, _) = run(&["التقى توم بيرييلو المسؤولين."]);
    let m = find(&docs[0], "توم بيرييلو");
    assert!(m.entity.starts_with("person:"), "{}", m.entity);
}

#[test]
fn nationality_forms_and_entity_records() {
    let (docs, ents) = run(&["عاد الأسرى الأوكرانيين، وقال مسؤولون روس وأتراك ودبلوماسي أميركي ومصادر أوكرانية إن الصفقة تمت."]);
    let ms = &docs[0];
    for t in ["الأوكرانيين", "روس", "وأتراك", "أميركي", "أوكرانية"] {
        assert_eq!(find(ms, t).kind, "nationality", "{t}");
    }
    assert_eq!(find(ms, "الأوكرانيين").entity, find(ms, "أوكرانية").entity);
    let rec = ents.iter().find(|e| e.kind == "nationality" && e.place.as_deref() == Some(find(ms, "روس").entity.as_str()));
    assert!(rec.is_some(), "a nationality record points at its place");
    // The place itself has a record, so the mention's id resolves.
    assert!(ents.iter().any(|e| e.id == find(ms, "روس").entity && e.kind == "place"));
}

#[test]
fn a_language_is_not_a_nationality() {
    let ms = one("جرت المحادثات باللغة الروسية.");
    assert!(!has(&ms, "الروسية"));
}

#[test]
fn mentions_are_sorted_and_disjoint() {
    let (docs, ents) = run(&["قال الرئيس الأمريكي دونالد ترامب في البيت الأبيض إن روسيا وأوكرانيا وتركيا اتفقت في إسطنبول."]);
    let ms = &docs[0];
    for w in ms.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for m in ms {
        assert!(ents.iter().any(|e| e.id == m.entity), "{} has a record", m.entity);
    }
    // Most frequent forms first.
    let (docs, ents) = run(&["قال بوتين، ثم قال بوتين، ثم قال وبوتين."]);
    let id = &find(&docs[0], "بوتين").entity;
    let e = ents.iter().find(|e| &e.id == id).unwrap();
    assert_eq!(e.forms[0], "بوتين");
}

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const PIECES: &[&str] = &[
    "ال", "و", "ب", "لل", "روسيا", "بوتين", "الرئيس", "وزارة", "الخارجية", "التركية", "قصر", "«", "»", "\"", "“", "”", "/", "(", ")",
    "،", ".", ":", " ", " ", " ", "\n", "\u{200F}", "\u{200B}", "\u{202B}", "\u{202C}", "\u{FEFF}", "\u{064B}", "\u{0651}", "ـ", "ة", "ى",
    "Heorhii", "AP", "X", "Володимир", "😀", "@", "#", "https://", ".com", "1,012", "٢٠٢٥", "قال", "فلاديمير", "ميدينسكي", "أ.ف.ب", "-",
    "الأوكرانيين", "حركة", "مجلس", "الشيوخ", "\u{0300}", "e\u{0301}", "ﷺ", "ﻻ", "\r\n", "\t",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    let n = 1 + rng.below(80);
    for _ in 0..n {
        match rng.below(4) {
            0 => {
                // Any Unicode scalar value, biased to the Arabic block.
                let c = if rng.below(2) == 0 {
                    char::from_u32(0x0600 + rng.below(0x100) as u32)
                } else {
                    char::from_u32(rng.below(0x11_0000) as u32)
                };
                if let Some(c) = c {
                    s.push(c);
                }
            }
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

fn check(text: &str, ms: &[Mention]) {
    let mut last = 0;
    for m in ms {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?} outside {text:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?} not on char boundaries in {text:?}");
        assert!(m.start >= last, "unsorted or overlapping at {m:?} in {text:?}");
        assert_eq!(&text[m.start..m.end], m.text);
        last = m.end;
    }
}

#[test]
fn property_never_panics_and_spans_are_sound() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..600 {
        let k = 1 + rng.below(3);
        let texts: Vec<String> = (0..k).map(|_| random_text(&mut rng)).collect();
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let docs: Vec<DocText> = refs.iter().enumerate().map(|(i, t)| DocText { name: NAMES[i], text: t, articles: vec![] }).collect();
        let (ms, ents) = analyse(&docs);
        assert_eq!(ms.len(), k, "round {round}");
        for (t, m) in refs.iter().zip(&ms) {
            check(t, m);
        }
        for e in &ents {
            assert!(!e.id.is_empty());
        }
    }
    // A long line with no break at all.
    let long: String = std::iter::repeat("قال الرئيس فلاديمير بوتين في موسكو\u{200F}، ").take(3000).collect();
    let (ms, _) = analyse(&[DocText { name: "long", text: &long, articles: vec![] }]);
    check(&long, &ms[0]);
    assert!(ms[0].len() >= 6000);
}

#[test]
fn titles_in_gazetteer_forms_stay_outside_the_span() {
    let ms = one("استقبل الملك سلمان بن عبد العزيز ضيفه، ثم اجتمع بالأمير فيصل بن فرحان والشيخ تميم بن حمد في الرياض.");
    assert_eq!(find(&ms, "سلمان بن عبد العزيز").entity, "king-salman");
    assert_eq!(find(&ms, "فيصل بن فرحان").entity, "faisal-bin-farhan");
    assert_eq!(find(&ms, "تميم بن حمد").entity, "tamim-bin-hamad");
    for m in &ms {
        assert!(!["الملك", "بالأمير", "والشيخ"].iter().any(|t| m.text.starts_with(t)), "title inside {:?}", m.text);
    }
    // A title alone before a bare given name is what made it a name.
    let ms = one("وأكد الملك سلمان دعم المملكة.");
    assert_eq!(find(&ms, "سلمان").entity, "king-salman");
}

#[test]
fn a_stranger_is_not_linked_to_a_known_person_one_letter_away() {
    // Known: محمد رعد, ماجد فرج. Unknown people with a short surname one
    // letter off, or a short first name one letter off, are other people.
    for (text, name) in [
        ("وقال محمد فؤاد إن القرار متوقع.", "محمد فؤاد"),
        ("وقال محمد فرج إن القرار متوقع.", "محمد فرج"),
        ("وقال أحمد فؤاد إن القرار متوقع.", "أحمد فؤاد"),
    ] {
        let ms = one(text);
        let m = find(&ms, name);
        assert!(m.entity.starts_with("person:"), "{name} linked to {}", m.entity);
    }
    assert_eq!(find(&one("وقال ماجد فرج إن القرار متوقع."), "ماجد فرج").entity, "majed-faraj");
    // A lone given name is nobody's surname until that person is named.
    assert!(!one("وقال محمد إن القرار متوقع.").iter().any(|m| m.kind == "person" && !m.entity.starts_with("person:")));
    let ms = one("التقى موسى فكي محمد الوفد. وقال محمد إن الأمر محسوم.");
    assert!(ms.iter().filter(|m| m.entity == "moussa-faki").count() == 2, "{:?}", texts(&ms));
}

#[test]
fn a_definite_body_with_a_nationality_is_one_organisation() {
    let ms = one("رفع البنك المركزي الأردني الفائدة، وقال الحرس الثوري الإيراني إن المناورات انتهت، فيما بقي البنك المركزي صامتاً.");
    assert_eq!(find(&ms, "البنك المركزي الأردني").kind, "org");
    assert_eq!(find(&ms, "الحرس الثوري الإيراني").kind, "org");
    // Without a nationality it is a common noun.
    assert!(!has(&ms, "البنك المركزي"), "{:?}", texts(&ms));
}

#[test]
fn a_name_after_an_expert_title_is_a_person() {
    let ms = one("ويرى الخبير الاقتصادي هاني جنينة أن القرار كان متوقعاً.");
    assert_eq!(find(&ms, "هاني جنينة").kind, "person");
}
