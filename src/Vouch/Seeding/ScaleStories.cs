using Vouch.Features.Contacts;

namespace Vouch.Seeding;

/// <summary>What a generated contact agreed to and the story they tell.</summary>
public sealed record ScaleReference(ConsentLevel Consent, DateOnly? ConsentGivenOn, Guid[] Activities, string? UseCase, string? Results, string? Quotes);

/// <summary>
/// Referenceability and stories for scale data: consent and agreed activities grow with the advocacy
/// stage, and about a quarter of the contacts have a story, put together from phrases so the search
/// sees a realistic spread of common and rare words.
/// </summary>
internal static class ScaleStories
{
    private static readonly string[] s_useCases =
    [
        "We run customer onboarding for {0} new accounts a month on it.",
        "It replaced {1} for our reference program across {0} sales reps.",
        "Our support team handles {0} tickets a week through the integration with our CRM.",
        "We use it to manage advocates and case studies for every product launch.",
        "It is the single place our marketing team finds customer quotes and reviews.",
        "Field sales book reference calls with it before every large deal.",
        "We automated the approval workflow for customer logos and press releases.",
        "It powers the analytics dashboards our executives review every Monday.",
        "Procurement evaluated five vendors; we chose it for security and data residency.",
        "Our partner channel uses it to share success stories in {0} countries.",
        "Migration from {1} took six weeks with no downtime.",
        "We connected it to our billing and payments systems through the API.",
        "It tracks consent for every customer who speaks to prospects for us.",
        "Customer success uses it to spot promoters after each renewal.",
        "We schedule webinars and user group talks with our best customers from it.",
    ];

    private static readonly string[] s_results =
    [
        "Onboarding time fell by {0}% in the first quarter.",
        "Win rate on competitive deals rose by {0}% after reference calls.",
        "We cut the time to find a reference from two weeks to {0} hours.",
        "Renewals went up {0}% and churn fell by half.",
        "Saved {0} hours a month of manual reporting.",
        "Pipeline influenced by references grew to {0} million.",
        "Customer satisfaction scores improved by {0} points.",
        "Sales cycles shortened by {0} days on average.",
        "Support costs dropped {0}% while ticket volume doubled.",
        "Our review-site rating climbed to 4.{0} stars.",
        "Security review passed in {0} days instead of months.",
        "Replacing {1} paid for itself within {0} months.",
    ];

    private static readonly string[] s_quotes =
    [
        "\"It just works, and our reps actually use it.\"",
        "\"The best decision we made this year.\"",
        "\"Implementation was faster than any vendor promised.\"",
        "\"Our customers love telling their story through it.\"",
        "\"Reliable, secure and easy to roll out globally.\"",
        "\"Support answers within minutes, every time.\"",
        "\"We finally know which advocates we can ask and when.\"",
        "\"Moving off {1} was the easiest migration we ever did.\"",
    ];

    public static ScaleReference Reference(Random random, AdvocacyStage stage, string[] competitorsReplaced, Guid[] activityTypes, DateOnly today)
    {
        var (verbal, written, story) = stage switch
        {
            AdvocacyStage.RockStar => (0.30, 0.65, 0.9),
            AdvocacyStage.Advocate => (0.40, 0.45, 0.8),
            AdvocacyStage.Promoter => (0.30, 0.15, 0.5),
            _ => (0.05, 0.02, 0.12),
        };
        var roll = random.NextDouble();
        var consent = roll < written ? ConsentLevel.Written : roll < written + verbal ? ConsentLevel.Verbal : ConsentLevel.None;
        DateOnly? givenOn = consent == ConsentLevel.None ? null : today.AddDays(-random.Next(1, 3 * 365));
        Guid[] activities = [];
        if (consent != ConsentLevel.None)
        {
            // The first few types (reference calls, visits, case studies) are the most agreed to.
            var count = random.Next(1, stage >= AdvocacyStage.Advocate ? 6 : 3);
            activities = [.. Enumerable.Range(0, count)
                .Select(_ => activityTypes[Math.Min(activityTypes.Length - 1, (int)(random.NextDouble() * random.NextDouble() * activityTypes.Length))])
                .Distinct()];
        }
        if (random.NextDouble() >= story)
        {
            return new ScaleReference(consent, givenOn, activities, null, null, null);
        }
        var competitor = competitorsReplaced.Length > 0 ? competitorsReplaced[0] : "spreadsheets";
        string Phrase(string[] phrases) => string.Format(
            System.Globalization.CultureInfo.InvariantCulture, phrases[random.Next(phrases.Length)], random.Next(2, 90), competitor);
        return new ScaleReference(
            consent, givenOn, activities,
            UseCase: Phrase(s_useCases) + (random.Next(2) == 0 ? " " + Phrase(s_useCases) : ""),
            Results: Phrase(s_results) + (random.Next(2) == 0 ? " " + Phrase(s_results) : ""),
            Quotes: random.Next(3) == 0 ? null : Phrase(s_quotes));
    }
}
