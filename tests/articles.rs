//! Page → articles on short pages written for these tests: one story, a main
//! story with related-story cards and full related stories, captions printed
//! twice, datelines, headline lists; and a property test over random text.

use khabar::articles::{segment, ArticleSeg};
use khabar::calendar::Date;

/// Byte offset of the `nth` (0-based) occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text")).0
}

fn title<'a>(text: &'a str, a: &ArticleSeg) -> &'a str {
    &text[a.title.start..a.title.end]
}

fn spans(arts: &[ArticleSeg]) -> Vec<(usize, usize)> {
    arts.iter().map(|a| (a.start, a.end)).collect()
}

const SINGLE: &str = "\
أخبار
سياسة

البرلمان الأردني يقر تعديلات على قانون الانتخاب

عمّان - بترا: أقر مجلس النواب الأردني، اليوم الأحد، تعديلات على قانون الانتخاب بعد نقاش استمر ثلاث جلسات متتالية.

وقال رئيس المجلس إن التعديلات تمنح الأحزاب حصة أكبر من المقاعد في الدورة المقبلة، وتخفض سن الترشح.

خلفية:
وكانت الحكومة قد أحالت المشروع إلى المجلس في مطلع الشهر الماضي بعد مشاورات مع الكتل النيابية.

ردود الأحزاب

رحبت أحزاب المعارضة بالتعديلات، لكنها طالبت بضمانات أوسع لنزاهة العملية الانتخابية في المحافظات.

شارك
طباعة
";

#[test]
fn single_story_is_one_article_from_zero() {
    let arts = segment(SINGLE, None);
    assert_eq!(spans(&arts), vec![(0, SINGLE.len())]);
    assert_eq!(title(SINGLE, &arts[0]), "البرلمان الأردني يقر تعديلات على قانون الانتخاب");
    let dl = arts[0].dateline.expect("dateline");
    assert_eq!(&SINGLE[dl.start..dl.end], "عمّان - بترا:");
    assert_eq!(arts[0].published, None);
    assert_eq!(arts[0].published_from, None);
    // The subheading `ردود الأحزاب` does not start an article.
    let b: Vec<&str> = arts[0].boilerplate.iter().map(|s| &SINGLE[s.start..s.end]).collect();
    assert!(b.contains(&"شارك") && b.contains(&"طباعة"), "{b:?}");
}

#[test]
fn given_date_when_the_text_fixes_none() {
    let d = Date::parse_iso("2025-03-09").unwrap();
    let arts = segment(SINGLE, Some(d));
    assert_eq!(arts[0].published, Some(d));
    assert_eq!(arts[0].published_from, Some("given"));
}

/// A main story, a "related" block of cards (section tag and caption on one
/// line, title, teaser, byline), then the full story of one card.
const RELATED: &str = "\
الجيش السوداني يعلن استعادة مدينة استراتيجية في ولاية الجزيرة

الخرطوم: «الشرق الأوسط»

جنود سودانيون في شارع رئيسي بالمدينة بعد استعادتها (رويترز)
جنود سودانيون في شارع رئيسي بالمدينة بعد استعادتها (رويترز)
TT

الجيش السوداني يعلن استعادة مدينة استراتيجية في ولاية الجزيرة

أعلن الجيش السوداني أنه استعاد السيطرة على المدينة بعد معارك عنيفة مع قوات الدعم السريع استمرت أسابيع.

وقال متحدث عسكري إن القوات تواصل تمشيط الأحياء الشرقية وتأمين الطرق المؤدية إلى العاصمة.

تحرك دبلوماسي

وفي سياق متصل، دعت الأمم المتحدة الطرفين إلى هدنة إنسانية تتيح إيصال المساعدات إلى المدنيين.

وأكدت منظمات إغاثة أن آلاف الأسر نزحت من القرى المحيطة خلال الأيام الماضية.


مقالات ذات صلة

أفريقيا نازحون سودانيون ينتظرون توزيع المساعدات في مخيم قرب الحدود (أ.ف.ب)

الأمم المتحدة تحذر من مجاعة وشيكة في دارفور

حذرت وكالات أممية من أن ملايين السودانيين يواجهون خطر المجاعة مع اقتراب موسم الأمطار.

«الشرق الأوسط» (نيويورك)
أفريقيا قافلة شاحنات تعبر معبراً حدودياً (رويترز)

مصر تستضيف اجتماعاً لدول جوار السودان الشهر المقبل

تستضيف القاهرة اجتماعاً وزارياً لدول جوار السودان لبحث سبل وقف الحرب وتنسيق المساعدات الإنسانية

وليد عبد الرحمن (القاهرة)

الأمم المتحدة تحذر من مجاعة وشيكة في دارفور

نازحون سودانيون ينتظرون توزيع المساعدات في مخيم قرب الحدود (أ.ف.ب)
نازحون سودانيون ينتظرون توزيع المساعدات في مخيم قرب الحدود (أ.ف.ب)
TT

الأمم المتحدة تحذر من مجاعة وشيكة في دارفور

نازحون سودانيون ينتظرون توزيع المساعدات في مخيم قرب الحدود (أ.ف.ب)

حذرت وكالات أممية من أن ملايين السودانيين يواجهون خطر المجاعة مع اقتراب موسم الأمطار.

وقال برنامج الأغذية العالمي إن الوصول إلى المناطق المتضررة ما زال صعباً بسبب القتال.

وأضاف البرنامج أنه يحتاج إلى تمويل عاجل لتغطية احتياجات الأشهر الثلاثة المقبلة.
";

#[test]
fn main_story_cards_and_full_related_story() {
    let t = RELATED;
    let arts = segment(t, None);
    let card1 = at(t, "أفريقيا نازحون", 0);
    let card2 = at(t, "أفريقيا قافلة", 0);
    let full = at(t, "الأمم المتحدة تحذر من مجاعة", 1);
    assert_eq!(
        spans(&arts),
        vec![(0, at(t, "مقالات ذات صلة", 0)), (card1, card2), (card2, full), (full, t.len())]
    );
    let titles: Vec<&str> = arts.iter().map(|a| title(t, a)).collect();
    assert_eq!(
        titles,
        [
            "الجيش السوداني يعلن استعادة مدينة استراتيجية في ولاية الجزيرة",
            "الأمم المتحدة تحذر من مجاعة وشيكة في دارفور",
            "مصر تستضيف اجتماعاً لدول جوار السودان الشهر المقبل",
            "الأمم المتحدة تحذر من مجاعة وشيكة في دارفور",
        ]
    );
    // Bylines close the cards; the photo lines are captions.
    let caps: Vec<&str> = arts[1].captions.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(caps, ["أفريقيا نازحون سودانيون ينتظرون توزيع المساعدات في مخيم قرب الحدود (أ.ف.ب)", "«الشرق الأوسط» (نيويورك)"]);
}

#[test]
fn card_and_full_story_share_a_date() {
    let d = Date::parse_iso("2025-04-02").unwrap();
    let arts = segment(RELATED, Some(d));
    assert!(arts.iter().all(|a| a.published == Some(d)));
    assert_eq!(arts[1].published, arts[3].published);
}

/// Captions printed twice (with and without a blank line between), ending in
/// agency credits; a subheading followed by a caption is not a new story.
const CAPTIONS: &str = "\
مرسوم رئاسي يعيد تنظيم قطاع الطاقة في تونس

وزير الصناعة التونسي خلال مؤتمر صحافي في العاصمة (إ.ب.أ)
وزير الصناعة التونسي خلال مؤتمر صحافي في العاصمة (إ.ب.أ)

تونس (رويترز) - أصدر الرئيس التونسي مرسوماً يعيد تنظيم قطاع الطاقة ويمنح الشركة الوطنية صلاحيات جديدة.

وقال مسؤولون إن المرسوم يهدف إلى جذب الاستثمار في مشروعات الطاقة الشمسية في الجنوب.

محطة للطاقة الشمسية قرب مدينة توزر في جنوب البلاد، حيث تعمل الحكومة على توسيع الإنتاج.

محطة للطاقة الشمسية قرب مدينة توزر في جنوب البلاد، حيث تعمل الحكومة على توسيع الإنتاج.

انتقادات نقابية

عمال في منشأة نفطية (أ.ف.ب)

وانتقد الاتحاد العام التونسي للشغل المرسوم، معتبراً أنه صدر دون تشاور مع النقابات.
";

#[test]
fn captions_printed_twice_with_credits() {
    let t = CAPTIONS;
    let arts = segment(t, None);
    assert_eq!(spans(&arts), vec![(0, t.len())]);
    let caps: Vec<&str> = arts[0].captions.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(
        caps,
        [
            "وزير الصناعة التونسي خلال مؤتمر صحافي في العاصمة (إ.ب.أ)",
            "وزير الصناعة التونسي خلال مؤتمر صحافي في العاصمة (إ.ب.أ)",
            "محطة للطاقة الشمسية قرب مدينة توزر في جنوب البلاد، حيث تعمل الحكومة على توسيع الإنتاج.",
            "محطة للطاقة الشمسية قرب مدينة توزر في جنوب البلاد، حيث تعمل الحكومة على توسيع الإنتاج.",
            "عمال في منشأة نفطية (أ.ف.ب)",
        ]
    );
    let dl = arts[0].dateline.expect("dateline");
    assert_eq!(&t[dl.start..dl.end], "تونس (رويترز) -");
}

#[test]
fn dateline_forms() {
    let cases = [
        ("إسطنبول – 2 – 6 (كونا) — أعلنت وزارة الخارجية التركية أن الجولة المقبلة من المحادثات ستعقد قريباً.", Some("إسطنبول – 2 – 6 (كونا) —")),
        ("القاهرة (رويترز) - قالت وزارة الصحة المصرية إن حملة التطعيم تشمل جميع المحافظات هذا العام.", Some("القاهرة (رويترز) -")),
        ("بيروت ، لبنان (AP) – قال الجيش اللبناني إنه نشر وحدات إضافية على الحدود الجنوبية للبلاد.", Some("بيروت ، لبنان (AP) –")),
        ("الرباط - أ ف ب - أعلنت الحكومة المغربية خطة لمواجهة الجفاف تشمل بناء سدود جديدة في الشمال.", Some("الرباط - أ ف ب -")),
        ("لندن: «الشرق الأوسط» تستعد الحكومة البريطانية لإعلان حزمة مساعدات جديدة للقطاع الصحي.", Some("لندن: «الشرق الأوسط»")),
        ("أعلنت الحكومة (في بيان رسمي) - كما جرت العادة - عن خطة جديدة للنقل العام في المدن الكبرى.", None),
    ];
    for (para, want) in cases {
        let page = format!("عنوان الخبر عن حدث مهم اليوم\n\n{para}\n");
        let arts = segment(&page, None);
        assert_eq!(arts.len(), 1);
        let got = arts[0].dateline.map(|s| &page[s.start..s.end]);
        assert_eq!(got, want, "{para}");
    }
}

/// A story followed by headline lists (plain and bulleted): one article,
/// the whole page.
const HEADLINES: &str = "\
ارتفاع أسعار النفط بعد قرار أوبك بلس خفض الإنتاج

ارتفعت أسعار النفط في التعاملات الآسيوية بعد أن قررت مجموعة أوبك بلس خفض الإنتاج لشهرين إضافيين.

وقال محللون إن القرار يعكس مخاوف المنتجين من تباطؤ الطلب العالمي خلال الربع المقبل.

أخبار ذات صلة

الذهب يتراجع مع صعود الدولار الأميركي في الأسواق العالمية

البنك المركزي الأوروبي يبقي أسعار الفائدة دون تغيير للمرة الثالثة على التوالي وسط ترقب

الأسهم الخليجية تغلق على ارتفاع بدعم من قطاع البنوك

الأكثر قراءة
  • السعودية تعلن موعد طرح أسهم شركة جديدة في السوق المالية
  • الإمارات توقع اتفاقية تجارة حرة مع دولة آسيوية لتعزيز التبادل التجاري بين البلدين خلال السنوات المقبلة
  • الكويت ترفع توقعات النمو لعام 2025
جميع الحقوق محفوظة © 2025
";

#[test]
fn headline_lists_are_not_articles() {
    let arts = segment(HEADLINES, None);
    assert_eq!(spans(&arts), vec![(0, HEADLINES.len())]);
    assert_eq!(title(HEADLINES, &arts[0]), "ارتفاع أسعار النفط بعد قرار أوبك بلس خفض الإنتاج");
}

/// End matter (tags, source), "read also", one full story, then a bulleted
/// list of similar headlines (excluded from the last article).
const READ_ALSO: &str = "\
بدأت في الدوحة اليوم الاثنين جولة جديدة من المفاوضات غير المباشرة بين الطرفين بوساطة قطرية ومصرية.

وقال مصدر مطلع إن الوفدين يبحثان جدولاً زمنياً لتبادل المحتجزين وإدخال المساعدات.

وأضاف المصدر أن الجولة قد تستمر عدة أيام.

المصدر: وكالات

كلمات دلالية: الدوحة المفاوضات الوساطة

اقرأ أيضاً:

مجلس الأمن يعقد جلسة طارئة لبحث الأوضاع الإنسانية

عقد مجلس الأمن الدولي جلسة طارئة لبحث تدهور الأوضاع الإنسانية، بدعوة من عدة دول أعضاء.
وطالب المندوبون بفتح المعابر دون قيود وحماية العاملين في المجال الإنساني.

طباعة شارك مجلس الأمن المساعدات

مقالات مشابهة

  • وزير الخارجية يبحث مع نظيره الفرنسي تطورات المنطقة
  • مجلس الأمن يعقد جلسة طارئة لبحث الأوضاع الإنسانية
";

#[test]
fn read_also_after_end_matter_starts_a_story() {
    let t = READ_ALSO;
    let arts = segment(t, None);
    let second = at(t, "مجلس الأمن يعقد", 0);
    assert_eq!(spans(&arts), vec![(0, at(t, "اقرأ أيضاً", 0)), (second, at(t, "مقالات مشابهة", 0))]);
    assert_eq!(title(t, &arts[0]), "");
    assert_eq!(title(t, &arts[1]), "مجلس الأمن يعقد جلسة طارئة لبحث الأوضاع الإنسانية");
}

/// An inline "read also" link block in the middle of a story, and a related
/// block inside the story that the story's text continues after: one article.
const INLINE: &str = "\
الحكومة المصرية تعلن خطة لخفض الدين العام

كتب: أحمد سامي

أعلنت الحكومة المصرية خطة متوسطة الأجل لخفض نسبة الدين العام إلى الناتج المحلي خلال أربع سنوات.

اقرأ أيضا

وزير المالية يلتقي بعثة صندوق النقد الدولي

البنك المركزي يثبت أسعار الفائدة

وقال وزير المالية إن الخطة تعتمد على زيادة الإيرادات الضريبية وترشيد الإنفاق الحكومي.

أخبار متعلقة

تراجع التضخم في مصر للشهر الثالث

وأضاف الوزير أن الحكومة ستطرح حصصاً في شركات مملوكة للدولة في البورصة خلال العام المقبل.

وأوضح أن العائدات ستوجه إلى سداد جزء من الديون قصيرة الأجل.
";

#[test]
fn links_inside_a_story_do_not_split_it() {
    let arts = segment(INLINE, None);
    assert_eq!(spans(&arts), vec![(0, INLINE.len())]);
    let caps: Vec<&str> = arts[0].captions.iter().map(|s| &INLINE[s.start..s.end]).collect();
    assert_eq!(caps, ["كتب: أحمد سامي"]);
}

/// Stories run one after another with no heading: each title is printed
/// again under its photo, the way some sites print a story's head.
const STREAM: &str = "\
تركيا ترفع الحد الأدنى للأجور بنسبة ثلاثين في المئة

عمال في سوق شعبي بإسطنبول (أ.ف.ب)
TT

تركيا ترفع الحد الأدنى للأجور بنسبة ثلاثين في المئة

أعلنت الحكومة التركية رفع الحد الأدنى للأجور اعتباراً من مطلع العام المقبل.

وقال وزير العمل إن القرار يأتي لمواجهة ارتفاع الأسعار.


اليونان تفتح معبراً حدودياً جديداً مع بلغاريا

شاحنات على الحدود اليونانية البلغارية (رويترز)
TT

اليونان تفتح معبراً حدودياً جديداً مع بلغاريا

افتتحت اليونان وبلغاريا معبراً حدودياً جديداً لتسهيل حركة الشاحنات بين البلدين.

وقال مسؤولون إن المعبر سيخفف الازدحام على الطرق الحالية.
";

#[test]
fn stories_back_to_back_with_repeated_titles() {
    let t = STREAM;
    let arts = segment(t, None);
    let second = at(t, "اليونان تفتح", 0);
    assert_eq!(spans(&arts), vec![(0, second), (second, t.len())]);
    assert_eq!(title(t, &arts[1]), "اليونان تفتح معبراً حدودياً جديداً مع بلغاريا");
}

#[test]
fn degenerate_pages() {
    for t in ["", "\n\n\n", "كلمة", "مقالات ذات صلة\n\nعنوان أول هنا\n\nعنوان ثان هنا\n", "TT\nشارك\n"] {
        let arts = segment(t, None);
        assert_eq!(arts.len(), 1, "{t:?}");
        assert_eq!((arts[0].start, arts[0].end), (0, t.len()));
    }
}

/// Navigation, a date line, sharing widgets and a source line around one
/// story, then a related block of bare headlines.
const WIDGETS: &str = "\
الأخبار|سياسة

عشرات القتلى بغارات على بلدات في جنوب لبنان

نشر في 16/5/2025|آخر تحديث: 16/5/2025 12:15 (توقيت مكة)

حفظ

شارك

استمع إلى المقال (4 دقائق)

قالت وزارة الصحة اللبنانية إن عشرات الأشخاص قتلوا في غارات استهدفت بلدات عدة في جنوب البلاد.

وأضافت الوزارة أن فرق الإسعاف ما زالت تبحث عن مفقودين تحت الأنقاض في بلدتين على الأقل.

تصعيد على الحدود

ويأتي التصعيد بعد أيام من تبادل القصف بين الجانبين على طول الحدود.

المصدر : الجزيرة + وكالات

مقالات ذات صلة

الجيش اللبناني ينتشر في مواقع جديدة جنوب الليطاني

مجلس الوزراء اللبناني يعقد جلسة استثنائية لبحث الأوضاع
";

#[test]
fn widgets_around_one_story() {
    let arts = segment(WIDGETS, None);
    assert_eq!(spans(&arts), vec![(0, WIDGETS.len())]);
    assert_eq!(title(WIDGETS, &arts[0]), "عشرات القتلى بغارات على بلدات في جنوب لبنان");
}

/// A wire listing: stories one after another, each title with its date
/// line and byline under it.
const WIRE: &str = "\
وزير الخارجية يستقبل نظيره الأردني لبحث التطورات الإقليمية
الجمعة، 16 مايو 2025 03:00 م
كتب محمد السيد
استقبل وزير الخارجية نظيره الأردني في مقر الوزارة لبحث التطورات الإقليمية والعلاقات الثنائية.
وتناول اللقاء سبل تعزيز التعاون الاقتصادي بين البلدين في مجالات الطاقة والنقل.
وأكد الوزيران أهمية التنسيق المستمر إزاء القضايا العربية.
البورصة المصرية تربح 12 مليار جنيه في ختام تعاملات الأسبوع
الجمعة، 16 مايو 2025 05:10 م
كتبت سارة علي
ربح رأس المال السوقي للبورصة المصرية نحو 12 مليار جنيه في ختام تعاملات الأسبوع.
وارتفع المؤشر الرئيسي بنسبة واحد في المئة بدعم من مشتريات المستثمرين الأجانب.
";

#[test]
fn wire_listing_with_dates_and_bylines() {
    let t = WIRE;
    let arts = segment(t, None);
    let second = at(t, "البورصة المصرية", 0);
    assert_eq!(spans(&arts), vec![(0, second), (second, t.len())]);
    assert_eq!(title(t, &arts[0]), "وزير الخارجية يستقبل نظيره الأردني لبحث التطورات الإقليمية");
    assert_eq!(title(t, &arts[1]), "البورصة المصرية تربح 12 مليار جنيه في ختام تعاملات الأسبوع");
}

/// Under a heading: cards of a title and a one-line teaser with no byline,
/// then a full story whose subheading follows a long first paragraph.
const TEASERS: &str = "\
انطلاق معرض الكتاب الدولي بمشاركة ألف دار نشر

افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة ألف دار نشر من أربعين دولة عربية وأجنبية.

ويستمر المعرض عشرة أيام ويتضمن ندوات وأمسيات شعرية وورشاً للأطفال.

قد يهمك أيضا

جائزة الرواية العربية تعلن قائمتها القصيرة

أعلنت الجائزة قائمتها القصيرة التي ضمت ست روايات من خمس دول.

مهرجان المسرح يكرم رواد الخشبة في دورته الجديدة

كرّم المهرجان في حفل افتتاحه عدداً من رواد المسرح العربي.

ترجمة أعمال نجيب محفوظ إلى لغات جديدة

أعلنت دار نشر عن مشروع لترجمة أعمال نجيب محفوظ إلى ثلاث لغات آسيوية خلال العامين المقبلين، في إطار برنامج تدعمه وزارة الثقافة لنشر الأدب العربي في الخارج وتعريف القراء الجدد به وبجيل الستينات من بعده.

تمويل المشروع

وقال مدير الدار إن المشروع يمول من منحة حكومية ومن شراكات مع جامعات.
";

#[test]
fn teaser_cards_and_a_full_story_with_a_subheading() {
    let t = TEASERS;
    let arts = segment(t, None);
    let c1 = at(t, "جائزة الرواية", 0);
    let c2 = at(t, "مهرجان المسرح", 0);
    let full = at(t, "ترجمة أعمال", 0);
    assert_eq!(spans(&arts), vec![(0, at(t, "قد يهمك", 0)), (c1, c2), (c2, full), (full, t.len())]);
}

/// A "latest news" widget above the story, a related block below it.
const TOP_WIDGET: &str = "\
آخر الأخبار
انخفاض درجات الحرارة في معظم المحافظات غداً
افتتاح طريق سريع جديد يربط العاصمة بالساحل
منتخب الشباب يتأهل إلى نهائي البطولة العربية

الحكومة تقر موازنة العام المقبل بعجز أقل

أقرت الحكومة مشروع موازنة العام المقبل بعجز يقل عن ثلاثة في المئة من الناتج المحلي الإجمالي.

وقال وزير المالية إن الموازنة تتضمن زيادة في مخصصات التعليم والصحة.

مقالات ذات صلة

البنك المركزي يبقي أسعار الفائدة دون تغيير

أبقى البنك المركزي أسعار الفائدة دون تغيير في اجتماعه الدوري.

سلمى حداد (عمّان)
";

#[test]
fn widget_above_the_story() {
    let t = TOP_WIDGET;
    let arts = segment(t, None);
    let card = at(t, "البنك المركزي", 0);
    assert_eq!(spans(&arts), vec![(0, at(t, "مقالات ذات صلة", 0)), (card, t.len())]);
    assert_eq!(title(t, &arts[0]), "الحكومة تقر موازنة العام المقبل بعجز أقل");
}

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Lines and fragments that drive every branch of the segmenter.
const PIECES: &[&str] = &[
    "مقالات ذات صلة", "اقرأ أيضاً:", "شاهد أيضاً: عنوان", "TT", "طباعة شارك", "كلمات دلالية:", "آخر تحديث: 2 يونيو 2025",
    "(أ.ف.ب)", "(رويترز)", "«الشرق الأوسط» (كييف)", "رنا أبتر (واشنطن)", "أوروبا", "رئيسيشؤون دولية", "• ",
    "إسطنبول – 2 – 6 (كونا) —", "القاهرة (رويترز) -", "لندن: «الشرق الأوسط»", "عنوان قصير للخبر هنا",
    "قال الوزير إن المحادثات ستستمر.", "وأضاف أن الوفد سيعود غداً إلى العاصمة لاستكمال المشاورات مع الجانب الآخر",
    "\n", "\n\n", "\n\n\n", " ", "\u{00A0}", "\r\n", "\u{200F}", "\u{FEFF}", "\u{064E}", "😀", "中文", "ש", "é", "Umerov",
    "(", ")", "«", "»", ":", "-", "–", "—", ".", "،", "؟", "الجمعة 16 مايو 2025 - 10:30 م", "منذ ساعتين",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        match rng.below(12) {
            0 => s.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}')),
            1 => {
                // A run of newlines or a long line.
                let n = 1 + rng.below(60);
                s.push_str(&if rng.below(2) == 0 { "\n".repeat(n) } else { "كلمة ".repeat(n * 10) });
            }
            2 => {
                // A line printed twice (caption or title repeat).
                let p = PIECES[rng.below(PIECES.len())];
                s.push_str(&format!("\n{p}\n{p}\n"));
            }
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

fn check(text: &str, arts: &[ArticleSeg]) {
    assert!(!arts.is_empty());
    let ok = |i: usize| i <= text.len() && text.is_char_boundary(i);
    let mut prev_end = 0;
    for a in arts {
        assert!(a.start <= a.end && ok(a.start) && ok(a.end), "article {}..{}", a.start, a.end);
        assert!(a.start >= prev_end, "articles overlap or are out of order");
        prev_end = a.end;
        let inside = |s: &khabar::model::Span| s.start <= s.end && ok(s.start) && ok(s.end) && s.start >= a.start && s.end <= a.end;
        assert!(a.title.start == a.title.end || inside(&a.title), "title outside its article");
        assert!(ok(a.title.start) && ok(a.title.end) && a.title.start <= a.title.end);
        for s in a.captions.iter().chain(&a.boilerplate).chain(a.dateline.iter()) {
            assert!(inside(s), "span {}..{} outside article {}..{}", s.start, s.end, a.start, a.end);
        }
    }
    assert_eq!(arts[0].start, 0);
}

#[test]
fn random_pages_never_panic_and_spans_are_sound() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..600 {
        let n = 1 + rng.below(if round % 50 == 0 { 3000 } else { 200 });
        let text = random_text(&mut rng, n);
        let given = if rng.below(2) == 0 { None } else { Date::new(2025, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32) };
        let arts = segment(&text, given);
        check(&text, &arts);
        if let Some(d) = given {
            assert!(arts.iter().all(|a| a.published.is_some()), "given date {d} not used");
        }
    }
}

#[test]
fn pathological_pages_are_linear() {
    // Many identical title lines, many headers, one huge line, only newlines.
    let pages = [
        "عنوان قصير للخبر هنا\n".repeat(20_000),
        "مقالات ذات صلة\nعنوان قصير للخبر هنا\nقال الوزير إن المحادثات ستستمر.\n".repeat(5_000),
        "كلمة ".repeat(200_000),
        "\n".repeat(200_000),
        "أوروبا صورة (أ.ف.ب)\nعنوان قصير للخبر هنا\n\nقال الوزير إن المحادثات ستستمر.\n\nرنا أبتر (واشنطن)\n".repeat(5_000),
    ];
    let t0 = std::time::Instant::now();
    for p in &pages {
        check(p, &segment(p, None));
    }
    // Generous bound: quadratic behaviour would take minutes.
    assert!(t0.elapsed().as_secs() < 20, "segmentation too slow: {:?}", t0.elapsed());
}

/// `KHABAR_BENCH=file cargo test --release --test articles bench -- --ignored --nocapture`
#[test]
#[ignore]
fn bench() {
    let Ok(path) = std::env::var("KHABAR_BENCH") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    let t0 = std::time::Instant::now();
    let arts = segment(&text, None);
    let dt = t0.elapsed();
    println!("{} articles, {:.1} MB/s", arts.len(), text.len() as f64 / 1e6 / dt.as_secs_f64());
}
