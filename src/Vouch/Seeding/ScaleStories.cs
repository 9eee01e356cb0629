using Vouch.Features.Contacts;

namespace Vouch.Seeding;

/// <summary>What a generated contact agreed to and the story they tell.</summary>
public sealed record ScaleReference(ConsentLevel Consent, DateOnly? ConsentGivenOn, Guid[] Activities, string? UseCase, string? Results, string? Quotes)
{
    public DateOnly? ConsentExpiresOn { get; init; }
    public int? MaxAsksPerQuarter { get; init; }
    public Channels PreferredChannels { get; init; }
}

/// <summary>An activity type as the scale data needs it.</summary>
public sealed record ScaleActivity(Guid Id, string Key, int RestPeriodDays);

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

    /// <summary>
    /// How often an activity is among those an advocate agrees to: calls, case studies and reviews most, hosting an
    /// event least. Types not named here weigh 2.
    /// </summary>
    private static readonly Dictionary<string, int> s_activityWeights = new(StringComparer.Ordinal)
    {
        ["reference-call"] = 40, ["case-study"] = 16, ["review-site-review"] = 12, ["quote"] = 10, ["site-visit"] = 8,
        ["video"] = 6, ["logo-use"] = 6, ["webinar"] = 5, ["referral"] = 4, ["beta-feedback"] = 4, ["community-answer"] = 4,
        ["speaking"] = 3, ["analyst-reference"] = 3, ["press-release"] = 3, ["event-host"] = 1,
    };

    public static int ActivityWeight(string key) => s_activityWeights.GetValueOrDefault(key, 2);

    /// <summary>
    /// About one contact in ten is referenceable: few customers, a fifth of the promoters, most rock stars. Some consents
    /// run out (a few already have), some contacts cap their asks per quarter, and each says how to reach them.
    /// </summary>
    public static ScaleReference Reference(Random random, AdvocacyStage stage, string[] competitorsReplaced, ScaleActivity[] activityTypes, DateOnly today)
    {
        var (verbal, written, story) = stage switch
        {
            AdvocacyStage.RockStar => (0.25, 0.45, 0.9),
            AdvocacyStage.Advocate => (0.25, 0.20, 0.8),
            AdvocacyStage.Promoter => (0.12, 0.08, 0.5),
            _ => (0.007, 0.003, 0.12),
        };
        var roll = random.NextDouble();
        var consent = roll < written ? ConsentLevel.Written : roll < written + verbal ? ConsentLevel.Verbal : ConsentLevel.None;
        if (consent == ConsentLevel.None)
        {
            return Story(random, story, competitorsReplaced, new ScaleReference(consent, null, [], null, null, null));
        }
        var givenOn = today.AddDays(-random.Next(1, 3 * 365));
        // A third of the consents are for a term of two or three years; those given long ago have run out.
        DateOnly? expiresOn = random.NextDouble() < 0.33 ? givenOn.AddYears(random.Next(2, 4)) : null;
        var count = Math.Min(activityTypes.Length, stage switch
        {
            AdvocacyStage.RockStar or AdvocacyStage.Advocate => random.Next(1, 6),
            _ => random.Next(1, 4),
        });
        var activities = new List<Guid>(count);
        var total = activityTypes.Sum(a => ActivityWeight(a.Key));
        while (activities.Count < count)
        {
            var pick = random.Next(total);
            foreach (var type in activityTypes)
            {
                pick -= ActivityWeight(type.Key);
                if (pick < 0)
                {
                    if (!activities.Contains(type.Id))
                    {
                        activities.Add(type.Id);
                    }
                    break;
                }
            }
        }
        int? maxAsks = random.NextDouble() < 0.3 ? random.Next(1, 4) : null;
        var channels = Channels.None;
        for (var kinds = random.Next(1, 4); kinds > 0; kinds--)
        {
            channels |= (Channels)(1 << random.Next(4));
        }
        return Story(random, story, competitorsReplaced, new ScaleReference(consent, givenOn, [.. activities], null, null, null)
        {
            ConsentExpiresOn = expiresOn,
            MaxAsksPerQuarter = maxAsks,
            PreferredChannels = channels,
        });
    }

    private static ScaleReference Story(Random random, double story, string[] competitorsReplaced, ScaleReference reference)
    {
        if (random.NextDouble() >= story)
        {
            return reference;
        }
        var competitor = competitorsReplaced.Length > 0 ? competitorsReplaced[0] : "spreadsheets";
        string Phrase(string[] phrases) => string.Format(
            System.Globalization.CultureInfo.InvariantCulture, phrases[random.Next(phrases.Length)], random.Next(2, 90), competitor);
        return reference with
        {
            UseCase = Phrase(s_useCases) + (random.Next(2) == 0 ? " " + Phrase(s_useCases) : ""),
            Results = Phrase(s_results) + (random.Next(2) == 0 ? " " + Phrase(s_results) : ""),
            Quotes = random.Next(3) == 0 ? null : Phrase(s_quotes),
        };
    }
}
