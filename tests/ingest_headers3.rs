//! A third table of export headers, for the wordings the first two miss:
//! terse headers that drop the verb or abbreviate ("Competitors better",
//! "Qs prospects ask"), headers that name the company's own domain
//! instead of "our website", and the 16 questions as German, French and
//! Spanish surveys word them (German Microsoft Forms and Qualtrics exports
//! are common). Written before the matcher was taught any of them; each
//! table has a pass-rate bar, and no non-question may become a question.

use frontline::ingest::{ColumnRules, Role, classify_header};

/// (header, expected question id).
const TERSE: &[(&str, &str)] = &[
    ("Objections", "objections"),
    ("Top objections", "objections"),
    ("Prospect objections", "objections"),
    ("Objections heard", "objections"),
    ("Main pushback", "objections"),
    ("Common objs", "objections"),
    ("Buyer", "buyer_personas"),
    ("Buyer title", "buyer_personas"),
    ("Buyer persona", "buyer_personas"),
    ("Who buys", "buyer_personas"),
    ("Decision maker", "buyer_personas"),
    ("Econ. buyer", "buyer_personas"),
    ("Influencers", "influencers"),
    ("Influencer titles", "influencers"),
    ("Who influences", "influencers"),
    ("Other stakeholders", "influencers"),
    ("Infl. personas", "influencers"),
    ("Sales process", "sales_process"),
    ("Process steps", "sales_process"),
    ("Typical process", "sales_process"),
    ("Deal stages", "sales_process"),
    ("Steps to close", "sales_process"),
    ("Cycle length", "cycle_length"),
    ("Sales cycle", "cycle_length"),
    ("Time to close", "cycle_length"),
    ("Deal length", "cycle_length"),
    ("Avg cycle (months)", "cycle_length"),
    ("Cycle time", "cycle_length"),
    ("Qs prospects ask", "prospect_questions"),
    ("Prospect questions", "prospect_questions"),
    ("Questions asked", "prospect_questions"),
    ("FAQs from prospects", "prospect_questions"),
    ("What prospects ask", "prospect_questions"),
    ("Qs from buyers", "prospect_questions"),
    ("Success factors", "success_factors"),
    ("Why we win", "success_factors"),
    ("Keys to success", "success_factors"),
    ("Win factors", "success_factors"),
    ("Differentiators", "differentiators"),
    ("Key differentiators", "differentiators"),
    ("Why clients buy", "differentiators"),
    ("Why customers choose us", "differentiators"),
    ("Our USPs", "differentiators"),
    ("Diffs vs competition", "differentiators"),
    ("Buyer pains", "buyer_pains"),
    ("Buyer frustrations/fears", "buyer_pains"),
    ("Buyer pain points", "buyer_pains"),
    ("Buyer pressures", "buyer_pains"),
    ("Influencer pains", "influencer_pains"),
    ("Influencer frustrations", "influencer_pains"),
    ("Influencer pain points", "influencer_pains"),
    ("Influencer fears & pressures", "influencer_pains"),
    ("Competitors better", "competitor_strengths"),
    ("Where competitors win", "competitor_strengths"),
    ("Competitor strengths", "competitor_strengths"),
    ("What comps do better", "competitor_strengths"),
    ("Competition's edge", "competitor_strengths"),
    ("Comp. strengths", "competitor_strengths"),
    ("Our strengths", "our_strengths"),
    ("Where we win vs competitors", "our_strengths"),
    ("We do better", "our_strengths"),
    ("Better than competitors", "our_strengths"),
    ("Our advantages vs comps", "our_strengths"),
    ("Website value", "website_value"),
    ("Website useful?", "website_value"),
    ("Site valuable?", "website_value"),
    ("Website as sales tool", "website_value"),
    ("Website rating", "website_value"),
    ("Website changes", "website_changes"),
    ("Site changes", "website_changes"),
    ("Website improvements", "website_changes"),
    ("Change to website", "website_changes"),
    ("Website audience fit", "website_audience_fit"),
    ("Site meets audience needs?", "website_audience_fit"),
    ("Site fits all personas?", "website_audience_fit"),
    ("Website feedback", "website_feedback"),
    ("What prospects say about site", "website_feedback"),
    ("Site feedback", "website_feedback"),
    ("Customer comments on website", "website_feedback"),
];

/// Headers naming the company's own site by its domain.
const DOMAINS: &[(&str, &str)] = &[
    ("Is acme.com a valuable sales tool?", "website_value"),
    (
        "Is acme.com a valuable sales tool for you?",
        "website_value",
    ),
    (
        "How useful is www.northwind.io when you sell?",
        "website_value",
    ),
    ("Rate contoso.co.uk as a sales tool (1-5)", "website_value"),
    (
        "If you could change anything on acme.com, what would it be?",
        "website_changes",
    ),
    (
        "What would you improve on https://www.acme.com?",
        "website_changes",
    ),
    (
        "Does northwind.io meet the needs of our entire target audience?",
        "website_audience_fit",
    ),
    (
        "Does acme.de serve all our target personas?",
        "website_audience_fit",
    ),
    (
        "What are prospects and customers saying about acme.com?",
        "website_feedback",
    ),
    ("Feedback you hear about contoso.com", "website_feedback"),
];

const GERMAN: &[(&str, &str)] = &[
    (
        "1. Nennen Sie drei (oder mehr) Einwände, die Sie von Interessenten hören.",
        "objections",
    ),
    ("Welche Einwände hören Sie am häufigsten?", "objections"),
    ("Häufigste Einwände von Interessenten", "objections"),
    ("Welche Bedenken äußern potenzielle Kunden?", "objections"),
    (
        "Wer ist Ihrer Meinung nach der Käufer (Titel oder Persona)?",
        "buyer_personas",
    ),
    ("Wer entscheidet über den Kauf?", "buyer_personas"),
    ("Käufer (Position)", "buyer_personas"),
    (
        "Wer (nach Titel oder Persona) sind die Beeinflusser im Vertriebszyklus?",
        "influencers",
    ),
    ("Wer beeinflusst die Kaufentscheidung?", "influencers"),
    (
        "Beschreiben Sie den typischen Vertriebsprozess vom ersten Kontakt bis zum Abschluss.",
        "sales_process",
    ),
    (
        "Wie läuft ein typischer Verkaufsprozess ab?",
        "sales_process",
    ),
    ("Wie lange dauert der Vertriebszyklus?", "cycle_length"),
    ("Dauer des Verkaufszyklus", "cycle_length"),
    (
        "Welche Fragen stellen Ihnen Ihre Interessenten?",
        "prospect_questions",
    ),
    ("Häufige Fragen von Interessenten", "prospect_questions"),
    (
        "Was macht einen erfolgreichen Verkauf meistens zum Erfolg?",
        "success_factors",
    ),
    ("Erfolgsfaktoren", "success_factors"),
    (
        "Was sind die wichtigsten Alleinstellungsmerkmale gegenüber dem Wettbewerb? Warum haben Kunden gekauft?",
        "differentiators",
    ),
    ("Warum kaufen Kunden bei uns?", "differentiators"),
    (
        "Käufer: Welche Frustrationen haben Käufer in ihrer täglichen Arbeit, die wir lösen? Was sind ihre Ängste?",
        "buyer_pains",
    ),
    ("Probleme und Ängste der Käufer", "buyer_pains"),
    (
        "Beeinflusser: Welche Frustrationen haben Beeinflusser in ihrer täglichen Arbeit? Unter welchem Druck stehen sie?",
        "influencer_pains",
    ),
    (
        "Was machen Ihre Wettbewerber besser als Sie?",
        "competitor_strengths",
    ),
    ("Stärken der Konkurrenz", "competitor_strengths"),
    (
        "Was machen Sie besser als Ihre Wettbewerber?",
        "our_strengths",
    ),
    ("Unsere Stärken gegenüber der Konkurrenz", "our_strengths"),
    (
        "Ist unsere Website ein wertvolles Vertriebswerkzeug für Sie?",
        "website_value",
    ),
    (
        "Wie hilfreich ist unsere Webseite im Verkauf?",
        "website_value",
    ),
    (
        "Wenn Sie etwas an unserer Website ändern könnten, was wäre das?",
        "website_changes",
    ),
    (
        "Erfüllt unsere Website die Bedürfnisse unserer gesamten Zielgruppe?",
        "website_audience_fit",
    ),
    (
        "Was sagen Interessenten und Kunden über unsere Website?",
        "website_feedback",
    ),
];

const FRENCH: &[(&str, &str)] = &[
    (
        "Citez trois objections (ou plus) que vous entendez de la part des prospects.",
        "objections",
    ),
    (
        "Quelles objections entendez-vous le plus souvent ?",
        "objections",
    ),
    ("Principaux freins des prospects", "objections"),
    (
        "Selon vous, qui est l'acheteur, par fonction ou persona ?",
        "buyer_personas",
    ),
    ("Qui prend la décision d'achat ?", "buyer_personas"),
    (
        "Qui (par fonction ou persona) sont les influenceurs dans le cycle de vente ?",
        "influencers",
    ),
    ("Qui influence la décision ?", "influencers"),
    (
        "Décrivez le processus de vente type, du premier contact à la signature.",
        "sales_process",
    ),
    ("Étapes du processus de vente", "sales_process"),
    ("Combien de temps dure le cycle de vente ?", "cycle_length"),
    ("Durée du cycle de vente", "cycle_length"),
    (
        "Quelles questions vos prospects vous posent-ils ?",
        "prospect_questions",
    ),
    ("Questions fréquentes des prospects", "prospect_questions"),
    (
        "Dans une vente réussie, qu'est-ce qui fait le plus souvent le succès ?",
        "success_factors",
    ),
    ("Facteurs de succès", "success_factors"),
    (
        "Quels sont les principaux éléments différenciants face à la concurrence ? Pourquoi les clients ont-ils acheté ?",
        "differentiators",
    ),
    (
        "Pourquoi les clients nous choisissent-ils ?",
        "differentiators",
    ),
    (
        "Acheteur : quelles frustrations les acheteurs ont-ils au quotidien ? Quelles sont leurs peurs ?",
        "buyer_pains",
    ),
    (
        "Influenceur : quelles frustrations les influenceurs ont-ils au quotidien ? Quelles pressions subissent-ils ?",
        "influencer_pains",
    ),
    (
        "Qu'est-ce que vos concurrents font mieux que vous ?",
        "competitor_strengths",
    ),
    ("Points forts des concurrents", "competitor_strengths"),
    (
        "Qu'est-ce que vous faites mieux que vos concurrents ?",
        "our_strengths",
    ),
    (
        "Notre site web est-il un outil de vente utile pour vous ?",
        "website_value",
    ),
    (
        "Si vous pouviez changer quelque chose sur notre site, que changeriez-vous ?",
        "website_changes",
    ),
    (
        "Notre site répond-il aux besoins de toute notre cible ?",
        "website_audience_fit",
    ),
    (
        "Que disent les prospects et les clients de notre site web ?",
        "website_feedback",
    ),
];

const SPANISH: &[(&str, &str)] = &[
    (
        "Enumere tres (o más) objeciones que escucha de los prospectos.",
        "objections",
    ),
    ("¿Qué objeciones escucha con más frecuencia?", "objections"),
    (
        "Principales objeciones de los clientes potenciales",
        "objections",
    ),
    (
        "¿Quién cree que es el comprador, por cargo o perfil?",
        "buyer_personas",
    ),
    ("¿Quién toma la decisión de compra?", "buyer_personas"),
    (
        "¿Quiénes (por cargo o perfil) son los influenciadores en el ciclo de ventas?",
        "influencers",
    ),
    ("¿Quién influye en la decisión?", "influencers"),
    (
        "Describa el proceso de ventas típico, desde el primer contacto hasta el cierre.",
        "sales_process",
    ),
    ("Etapas del proceso de venta", "sales_process"),
    (
        "¿Cuánto tiempo se tarda en completar el ciclo de ventas?",
        "cycle_length",
    ),
    ("Duración del ciclo de venta", "cycle_length"),
    (
        "¿Qué preguntas le hacen sus prospectos?",
        "prospect_questions",
    ),
    (
        "Preguntas frecuentes de los clientes potenciales",
        "prospect_questions",
    ),
    (
        "En una venta exitosa, ¿qué es lo que más a menudo la hace un éxito?",
        "success_factors",
    ),
    ("Factores de éxito", "success_factors"),
    (
        "Enumere los principales diferenciadores frente a la competencia. ¿Por qué compraron los clientes?",
        "differentiators",
    ),
    ("¿Por qué nos eligen los clientes?", "differentiators"),
    (
        "Comprador: ¿qué frustraciones tienen los compradores en su trabajo diario? ¿Cuáles son sus miedos?",
        "buyer_pains",
    ),
    (
        "Influenciador: ¿qué frustraciones tienen los influenciadores? ¿Bajo qué presiones están?",
        "influencer_pains",
    ),
    (
        "¿Qué hacen sus competidores mejor que usted?",
        "competitor_strengths",
    ),
    ("Fortalezas de la competencia", "competitor_strengths"),
    (
        "¿Qué hace usted mejor que sus competidores?",
        "our_strengths",
    ),
    (
        "¿Es nuestro sitio web una herramienta de ventas valiosa para usted?",
        "website_value",
    ),
    (
        "Si pudiera cambiar algo de nuestro sitio web, ¿qué cambiaría?",
        "website_changes",
    ),
    (
        "¿Nuestro sitio satisface las necesidades de todo nuestro público objetivo?",
        "website_audience_fit",
    ),
    (
        "¿Qué dicen los prospectos y clientes sobre nuestro sitio web?",
        "website_feedback",
    ),
];

/// A probe written after the German, French and Spanish data, in other
/// authors' words, to see how far it generalized: 20 of 30 passed on the
/// first run; the data was then taught the rest, so this table now guards
/// them rather than measures.
const PROBE: &[(&str, &str)] = &[
    (
        "Mit welchen Einwänden werden Sie im Verkaufsgespräch konfrontiert?",
        "objections",
    ),
    ("Gründe, warum Kunden nicht kaufen", "objections"),
    (
        "Wer ist bei Ihren Kunden typischerweise der Entscheider?",
        "buyer_personas",
    ),
    ("Wer hat das Budget?", "buyer_personas"),
    (
        "Welche Personen nehmen Einfluss auf den Kauf?",
        "influencers",
    ),
    ("Wie sieht Ihr Vertriebsprozess aus?", "sales_process"),
    (
        "Durchschnittliche Länge des Sales Cycles (in Monaten)",
        "cycle_length",
    ),
    (
        "Welche Fragen kommen von Kunden immer wieder?",
        "prospect_questions",
    ),
    (
        "Was war bei Ihren gewonnenen Deals entscheidend?",
        "success_factors",
    ),
    (
        "Was unterscheidet uns aus Kundensicht vom Wettbewerb?",
        "differentiators",
    ),
    ("Womit kämpfen unsere Käufer im Alltag?", "buyer_pains"),
    (
        "Wo ist die Konkurrenz stärker als wir?",
        "competitor_strengths",
    ),
    ("Worin sind wir der Konkurrenz überlegen?", "our_strengths"),
    (
        "Hilft Ihnen unsere Homepage beim Verkaufen?",
        "website_value",
    ),
    (
        "Was würden Sie auf der Website verbessern?",
        "website_changes",
    ),
    (
        "Welches Feedback bekommen Sie zu unserer Website?",
        "website_feedback",
    ),
    (
        "Quelles sont les objections les plus courantes ?",
        "objections",
    ),
    ("Qui détient le budget ?", "buyer_personas"),
    ("Qui d'autre intervient dans la décision ?", "influencers"),
    (
        "Combien de temps faut-il pour conclure une affaire ?",
        "cycle_length",
    ),
    (
        "Quelles questions reviennent le plus souvent ?",
        "prospect_questions",
    ),
    ("Qu'est-ce qui fait gagner une affaire ?", "success_factors"),
    (
        "En quoi sommes-nous différents des concurrents ?",
        "differentiators",
    ),
    ("Que changeriez-vous sur le site ?", "website_changes"),
    ("¿Cuáles son las objeciones más comunes?", "objections"),
    (
        "¿Quién tiene la última palabra en la compra?",
        "buyer_personas",
    ),
    ("¿Cuánto dura normalmente una venta?", "cycle_length"),
    ("¿Qué hace que ganemos un negocio?", "success_factors"),
    ("¿En qué nos supera la competencia?", "competitor_strengths"),
    ("¿Le sirve nuestra web para vender?", "website_value"),
];

/// Columns in those languages that are not questions.
const NOT_QUESTIONS: &[&str] = &[
    "Zeitstempel",
    "E-Mail-Adresse",
    "Name",
    "Startzeit",
    "Fertigstellungszeit",
    "Region",
    "Welches Produkt verkaufen Sie hauptsächlich?",
    "Unternehmensgröße",
    "Wie lange sind Sie schon im Vertrieb tätig?",
    "Weitere Anmerkungen",
    "Horodateur",
    "Adresse e-mail",
    "Nom",
    "Quelle région couvrez-vous ?",
    "Depuis combien de temps travaillez-vous dans la vente ?",
    "Autres commentaires",
    "Marca temporal",
    "Correo electrónico",
    "Nombre",
    "¿Qué región cubre?",
    "¿Cuánto tiempo lleva trabajando en ventas?",
    "Comentarios adicionales",
    "Visit acme.com",
    "Website URL",
];

fn pass_rate(table: &[(&str, &str)], label: &str) -> f64 {
    let rules = ColumnRules::default();
    let mut misses = vec![];
    for (h, want) in table {
        let c = classify_header(h, &rules);
        let got = c.question.map(|q| q.to_string()).unwrap_or_default();
        if c.role != Role::Question || got != *want {
            misses.push(format!(
                "  {h:?}: want {want}, got {:?} {got} ({})",
                c.role, c.reason
            ));
        }
    }
    let rate = 1.0 - misses.len() as f64 / table.len() as f64;
    eprintln!(
        "{label}: {:.1}% ({} of {} missed)\n{}",
        rate * 100.0,
        misses.len(),
        table.len(),
        misses.join("\n")
    );
    rate
}

#[test]
fn terse_headers_map_to_their_question() {
    assert!(pass_rate(TERSE, "terse") >= 0.90);
}

#[test]
fn a_domain_stands_for_our_website() {
    assert!(pass_rate(DOMAINS, "domains") >= 0.90);
}

#[test]
fn german_french_and_spanish_wordings_map_to_their_question() {
    let de = pass_rate(GERMAN, "german");
    let fr = pass_rate(FRENCH, "french");
    let es = pass_rate(SPANISH, "spanish");
    assert!(de >= 0.90 && fr >= 0.90 && es >= 0.90, "{de} {fr} {es}");
    assert!(pass_rate(PROBE, "probe") >= 0.90);
}

#[test]
fn non_questions_in_other_languages_stay_apart() {
    let rules = ColumnRules::default();
    let wrong: Vec<String> = NOT_QUESTIONS
        .iter()
        .map(|h| (h, classify_header(h, &rules)))
        .filter(|(_, c)| c.role == Role::Question)
        .map(|(h, c)| format!("{h}: {}", c.reason))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
