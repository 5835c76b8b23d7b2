//! Header -> role and question id, over realistic rewordings of the
//! question bank (numbering prefixes, required marks, truncation, company
//! jargon) and the usual non-question columns of a plain CSV.

use frontline::ingest::{ColumnRules, Role, classify_header};
use frontline::questions::QuestionId;

fn question_of(h: &str) -> Option<QuestionId> {
    let c = classify_header(h, &ColumnRules::default());
    (c.role == Role::Question).then_some(c.question).flatten()
}

#[test]
fn header_variants_map_to_question_ids() {
    use QuestionId::*;
    let cases: &[(&str, QuestionId)] = &[
        // objections
        (
            "List three (or more) objections you hear from prospects. Are these similar across products and solutions? If not, how do they differ?",
            Objections,
        ),
        (
            "What objections do you hear most from prospects?",
            Objections,
        ),
        ("Q1. Top 3 objections*", Objections),
        ("1) Most common pushback from buyers", Objections),
        (
            "List three (or more) objections you hear from pro",
            Objections,
        ),
        (
            "What concerns or hesitations do prospects raise?",
            Objections,
        ),
        // buyer personas
        (
            "Who do you feel the buyer is, by title or persona? Does this vary by business size or vertical?",
            BuyerPersonas,
        ),
        ("Who signs the deal?", BuyerPersonas),
        ("Who is the economic buyer (title)?", BuyerPersonas),
        ("Q2 - Who is the decision maker?", BuyerPersonas),
        (
            "Who do you feel the buyer is, by title or per",
            BuyerPersonas,
        ),
        // influencers
        (
            "Who (by title or persona) are the influencers in the sales cycle?",
            Influencers,
        ),
        ("Who else weighs in on the decision?", Influencers),
        ("Influencers (titles)", Influencers),
        ("Which stakeholders influence the purchase?", Influencers),
        // sales process
        (
            "Describe the typical sales process from engagement through close.",
            SalesProcess,
        ),
        ("Walk us through your sales process", SalesProcess),
        (
            "What are the steps from first contact to close?",
            SalesProcess,
        ),
        // cycle length
        (
            "How much time does it take to get through the sales cycle?",
            CycleLength,
        ),
        ("Typical sales cycle length (days/months)?", CycleLength),
        ("How long does a typical deal take to close?", CycleLength),
        ("Average time to close", CycleLength),
        // prospect questions
        (
            "What questions do your prospects ask you? What do they ask of you to help them make their decision?",
            ProspectQuestions,
        ),
        ("What do prospects ask before they buy?", ProspectQuestions),
        ("Questions prospects ask most often", ProspectQuestions),
        // success factors vs differentiators
        (
            "In a successful sale, what most often makes it a success?",
            SuccessFactors,
        ),
        ("Why do we win deals?", SuccessFactors),
        ("What makes a deal successful?", SuccessFactors),
        (
            "List the key product/solution differentiators your company has over its competition: not what the web page says, but what clients say. Why did they purchase?",
            Differentiators,
        ),
        (
            "What sets us apart? Why do customers choose us?",
            Differentiators,
        ),
        ("Key differentiators (in clients' words)", Differentiators),
        // pains
        (
            "Buyer: what frustrations do buyers have in their daily work or company that you are solving? What are their fears? What pressures are they under in making decisions?",
            BuyerPains,
        ),
        ("What are your buyers' biggest pain points?", BuyerPains),
        (
            "Influencer: what frustrations do influencers have in their daily work or company that you are solving? What are their fears? What pressures are they under?",
            InfluencerPains,
        ),
        (
            "What keeps influencers up at night? Frustrations, fears, pressures",
            InfluencerPains,
        ),
        // competitors
        (
            "What are your competitors doing better than you?",
            CompetitorStrengths,
        ),
        ("Where do competitors beat us?", CompetitorStrengths),
        (
            "What do competitors do better than us?",
            CompetitorStrengths,
        ),
        (
            "What are you doing better than your competitors?",
            OurStrengths,
        ),
        ("Where do we beat the competition?", OurStrengths),
        ("Our strengths vs. competitors", OurStrengths),
        // website
        (
            "Is our website a valuable sales tool for you?",
            WebsiteValue,
        ),
        ("Rate our website as a sales tool (1-5)", WebsiteValue),
        ("How useful is the website when selling?", WebsiteValue),
        (
            "If you could make any change to our website, what would you change?",
            WebsiteChanges,
        ),
        ("What would you improve on our site?", WebsiteChanges),
        (
            "Does our site meet the needs of our entire target audience?",
            WebsiteAudienceFit,
        ),
        (
            "Does the website speak to all our audiences?",
            WebsiteAudienceFit,
        ),
        (
            "What are prospects and customers saying about our website?",
            WebsiteFeedback,
        ),
        ("Website feedback you hear from customers", WebsiteFeedback),
        (
            "16. What are prospects and customers saying about our web...",
            WebsiteFeedback,
        ),
    ];
    let mut wrong = vec![];
    for (h, want) in cases {
        let got = question_of(h);
        if got != Some(*want) {
            wrong.push(format!("{h:?}: got {got:?}, want {want}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn non_question_headers_get_their_role() {
    let cases: &[(&str, Role, Option<&str>)] = &[
        (
            "Which product line do you mainly sell?",
            Role::Segment,
            Some("product_line"),
        ),
        ("Product", Role::Segment, Some("product_line")),
        ("Your region", Role::Segment, Some("region")),
        ("Territory", Role::Segment, Some("region")),
        (
            "Company size you sell to",
            Role::Segment,
            Some("company_size"),
        ),
        (
            "Segment (SMB / Mid-market / Enterprise)",
            Role::Segment,
            Some("company_size"),
        ),
        ("Industry / vertical", Role::Segment, Some("vertical")),
        ("Team", Role::Segment, Some("team")),
        (
            "How long have you been in sales?",
            Role::Segment,
            Some("tenure"),
        ),
        ("Name", Role::Respondent, None),
        ("What is your name?", Role::Respondent, None),
        ("What's your email?", Role::Respondent, None),
        ("Your name", Role::Respondent, None),
        ("Email address", Role::Respondent, None),
        ("Timestamp", Role::Timestamp, None),
        ("Submitted at", Role::Timestamp, None),
        ("Anything else?", Role::Ignored, None),
        ("Any other comments?", Role::Ignored, None),
        ("Is a hotdog a sandwich?", Role::Ignored, None),
        ("Company name", Role::Ignored, None),
    ];
    let mut wrong = vec![];
    for (h, role, seg) in cases {
        let c = classify_header(h, &ColumnRules::default());
        if c.role != *role || c.segment.as_deref() != *seg {
            wrong.push(format!(
                "{h:?}: got {:?} {:?} ({}), want {role:?} {seg:?}",
                c.role, c.segment, c.reason
            ));
        }
        assert!(!c.reason.is_empty(), "{h}: a reason is always given");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn config_rules_win_over_guessing() {
    let mut rules = ColumnRules::default();
    rules
        .questions
        .insert("Top pushbacks".into(), QuestionId::Objections);
    rules
        .segments
        .insert("Deal size".into(), "company_size".into());
    rules.ignore.push("Why do we win".into());
    let c = classify_header("Q4. Top pushbacks this quarter", &rules);
    assert_eq!(
        (c.role, c.question),
        (Role::Question, Some(QuestionId::Objections))
    );
    let c = classify_header("Deal size", &rules);
    assert_eq!(
        (c.role, c.segment.as_deref()),
        (Role::Segment, Some("company_size"))
    );
    let c = classify_header("Why do we win deals?", &rules);
    assert_eq!(c.role, Role::Ignored);
    assert!(c.reason.contains("config"), "{}", c.reason);
}

/// More wordings seen in sales surveys: jargon, fragments, abbreviations.
#[test]
fn more_wordings_map_to_ids_or_segments() {
    let hs = [
        "What are the most common objections you encounter?|objections",
        "Biggest reasons deals don't close|objections",
        "Common customer objections|objections",
        "Why do prospects hesitate to buy?|objections",
        "Who is your typical buyer?|buyer_personas",
        "Typical buyer title|buyer_personas",
        "Who makes the final purchasing decision?|buyer_personas",
        "Who are the key influencers?|influencers",
        "Who influences the buying decision?|influencers",
        "Other people involved in the deal|influencers",
        "Describe your sales process|sales_process",
        "What does your typical sales process look like?|sales_process",
        "What are the stages of a typical deal?|sales_process",
        "Average length of the sales cycle|cycle_length",
        "How long is your sales cycle?|cycle_length",
        "Time from first meeting to signed contract|cycle_length",
        "What do customers ask during the sales process?|prospect_questions",
        "What information do prospects need to make a decision?|prospect_questions",
        "What's the #1 reason we win?|success_factors",
        "Key factors in winning deals|success_factors",
        "What makes a sale successful?|success_factors",
        "Why do customers buy from us?|differentiators",
        "What do clients say sets us apart?|differentiators",
        "What is our competitive advantage?|differentiators",
        "What frustrations do buyers face?|buyer_pains",
        "Buyer pain points|buyer_pains",
        "Influencer pain points|influencer_pains",
        "What pressures are influencers under?|influencer_pains",
        "Where are competitors stronger than us?|competitor_strengths",
        "Where do we lose to competitors?|competitor_strengths",
        "Why do we win against competitors?|our_strengths",
        "Where do we outperform the competition?|our_strengths",
        "How would you rate our website?|website_value",
        "Does the website help you sell?|website_value",
        "What should we change on the website?|website_changes",
        "Website improvements|website_changes",
        "Is the website right for all our personas?|website_audience_fit",
        "What do customers say about our website?|website_feedback",
        "Website: what do prospects say?|website_feedback",
        "Comments on the website from customers|website_feedback",
        "Anything else you'd like to share?|-",
        "Additional comments|-",
        "Department|team",
        "Years of experience|tenure",
        "What industry do you focus on?|vertical",
        "Sales region|region",
        "Which segment do you sell to?|company_size",
        "Role|role",
        "Q7) What do prospects typically ask you?|prospect_questions",
        "Which titles are involved in the buying decision?|influencers",
        "Primary decision maker|buyer_personas",
        "Top 3 reasons prospects say no|objections",
        "What do prospects worry about most?|objections",
        "How do deals typically progress?|sales_process",
        "Sales cycle|cycle_length",
        "Avg. deal cycle (months)|cycle_length",
        "Why did your last 3 customers buy?|differentiators",
        "What do we do better than competitor X?|our_strengths",
        "What does competitor X do better?|competitor_strengths",
        "Website rating (1-5)|website_value",
        "Does our website address the needs of every buyer persona?|website_audience_fit",
    ];
    let mut wrong = vec![];
    for h in hs {
        let (h, want) = h.split_once('|').unwrap();
        let c = classify_header(h, &ColumnRules::default());
        let got = c
            .question
            .map(|q| q.to_string())
            .or(c.segment.clone())
            .unwrap_or("-".into());
        if got != want {
            wrong.push(format!("{h:?}: got {got}, want {want} ({})", c.reason));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn config_keys_match_whole_words() {
    let mut rules = ColumnRules::default();
    rules.questions.insert("Q1".into(), QuestionId::Objections);
    let c = classify_header("Q1. Pricing feedback", &rules);
    assert_eq!(c.question, Some(QuestionId::Objections));
    let c = classify_header("Q10. Team", &rules);
    assert_eq!(c.segment.as_deref(), Some("team"));
    rules.segments.insert("size".into(), "company_size".into());
    let c = classify_header("Typical deal size (USD)", &rules);
    assert_eq!(c.segment.as_deref(), Some("company_size"));
}

/// Prefixes, marks, markup, platform suffixes, short labels, truncations,
/// and headers that must stay out of the 16 questions.
#[test]
fn decorated_truncated_and_look_alike_headers() {
    let hs = [
        "Quarter|-",
        "Manager|-",
        "Quota attainment (%)|-",
        "Number of deals closed this quarter|-",
        "How many years have you worked here?|tenure",
        "What is your role?|role",
        "Which competitors do you run into most?|-",
        "Which competitor do you lose to most often?|competitor_strengths",
        "How satisfied are you with marketing support?|-",
        "What content would help you sell?|-",
        "Any other feedback for marketing?|-",
        "Do you use the CRM daily?|-",
        "How many demos did you run last month?|-",
        "Which lead sources work best?|-",
        "What's your biggest challenge this quarter?|-",
        "Rate marketing's lead quality (1-5)|-",
        "Consent: I agree to the processing of my answers|-",
        "Email me a copy of my responses|-",
        "Which of these events did you attend?|-",
    ];
    let mut wrong = vec![];
    for h in hs {
        let (h, want) = h.split_once('|').unwrap();
        let c = classify_header(h, &ColumnRules::default());
        let got = c
            .question
            .map(|q| q.to_string())
            .or(c.segment.clone())
            .unwrap_or("-".into());
        if got != want {
            wrong.push(format!("{h:?}: got {got}, want {want} ({})", c.reason));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
