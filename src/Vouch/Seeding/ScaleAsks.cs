using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;

namespace Vouch.Seeding;

/// <summary>A referenceable contact, with what of their account the ask history needs.</summary>
internal sealed record ScaleAdvocate(
    Guid ContactId, Guid AccountId, Guid AccountOwnerId, Guid IndustryId, Region Region, Guid[] Products, ScaleReference Reference);

/// <summary>A deal a seller may ask a reference for.</summary>
internal readonly record struct ScaleDeal(Guid Id, Guid AccountId, Guid OwnerId);

/// <summary>
/// One ask of the history: the reference request and its entry in the engagement ledger (released when the request
/// was declined, cancelled or expired).
/// </summary>
internal sealed record ScaleAsk(
    Guid RequestId, Guid RequesterId, Guid? OpportunityId, Guid ActivityTypeId, DateOnly NeededBy,
    Guid? IndustryId, Region? Region, Guid[] Products, RequestStatus Status, DateTimeOffset CreatedAt,
    Guid ContactId, Guid AccountId, Guid AccountOwnerId, DateTimeOffset? AdvocateAskedAt, DateTimeOffset? ScheduledFor,
    string? DeclineReason, bool? Happened, int? Rating, bool? Helped, string? FeedbackNotes, Guid RequestVersion,
    Guid EngagementId, EngagementStatus EngagementStatus, DateTimeOffset EngagementAt, Guid EngagementVersion);

internal readonly record struct ScaleBlackout(Guid Id, Guid ContactId, DateOnly Starts, DateOnly Ends, string Reason);

internal readonly record struct ScaleNps(Guid Id, Guid ContactId, DateOnly AnsweredOn, int Score, string? Comment);

/// <summary>
/// Two years of a reference program for scale data: the asks of every referenceable contact, the blackouts a few of
/// them set and the NPS answers of about a third of all contacts.
/// </summary>
/// <remarks>
/// Each advocate is asked about twice a year (more often for calls, less for case studies), never for an activity
/// they did not agree to, never before their consent or after it ran out, never within the rest period of their
/// previous ask and never beyond their own limit per quarter. Most asks ended with feedback and a rating; some were declined, cancelled or expired;
/// the last ask of a few is still open.
/// </remarks>
internal static class ScaleAsks
{
    public const int HistoryDays = 730;

    /// <summary>Days between two asks of one advocate, on average, when the rest period is shorter.</summary>
    private const int MeanDaysBetweenAsks = 110;

    private static readonly string[] s_declineReasons =
    [
        "The customer is in the middle of a renewal.", "Too busy this quarter.", "Not the right fit for this prospect.",
        "Spoke to this prospect's competitor last month.", "Travelling until the end of the month.",
    ];

    private static readonly string[] s_feedback =
    [
        "The prospect said this call settled it.", "Good call, very specific about the migration.",
        "Helpful, though the prospect's questions were mostly about pricing.", "Great energy; the prospect asked for a second call.",
        "Answered every security question the prospect had.",
    ];

    private static readonly string[] s_blackoutReasons = ["Product launch", "Parental leave", "Quiet period before results", "Holiday", "Year-end close"];

    private static readonly string[] s_npsComments =
    [
        "Easy to use and support is quick.", "Reporting could be better.", "It does what we bought it for.",
        "The integration saves us hours every week.", "Too expensive for what we use.", "Onboarding was slow.",
        "We would not run our program without it.",
    ];

    public static List<ScaleAsk> Plan(
        IReadOnlyList<ScaleAdvocate> advocates, IReadOnlyList<ScaleDeal> deals, Guid[] sellers, ScaleActivity[] activityTypes, DateOnly today)
    {
        var random = new Random(ScaleData.RandomSeed + 4);
        var requestIds = new SequentialIds(random);
        var engagementIds = new SequentialIds(random);
        var activities = activityTypes.ToDictionary(a => a.Id);
        var firstDay = today.AddDays(-HistoryDays);
        var asks = new List<ScaleAsk>(advocates.Count * 5);
        var perQuarter = new Dictionary<int, int>();
        foreach (var advocate in advocates)
        {
            var reference = advocate.Reference;
            var agreed = reference.Activities.Select(id => activities[id]).ToArray();
            // Some advocates are better on a call than others; their ratings centre on their own level.
            var quality = 3.2 + random.NextDouble() * 1.7;
            var last = reference.ConsentExpiresOn is { } expires && expires < today.AddDays(30) ? expires : today.AddDays(30);
            var on = Later(reference.ConsentGivenOn!.Value, firstDay).AddDays(random.Next(0, 45));
            perQuarter.Clear();
            while (on <= last)
            {
                var activity = PickActivity(random, agreed);
                var quarter = Features.Matching.Quarter.Of(on);
                if (reference.MaxAsksPerQuarter is { } max && perQuarter.GetValueOrDefault(quarter) >= max)
                {
                    on = new DateOnly(on.Year, (on.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
                    continue;
                }
                if (on > today)
                {
                    // A future ask: scheduled for a few, still looking for the advocate's yes for fewer.
                    var roll = random.NextDouble();
                    if (roll < 0.3)
                    {
                        asks.Add(Ask(random, requestIds, engagementIds, advocate, deals, sellers, activity, on, today,
                            roll < 0.2 ? RequestStatus.Scheduled : RequestStatus.CandidateProposed, quality));
                    }
                    break;
                }
                var status = (today.DayNumber - on.DayNumber, random.NextDouble()) switch
                {
                    ( < 7, < 0.5) => RequestStatus.Completed,
                    (_, < 0.78) => RequestStatus.FeedbackRecorded,
                    (_, < 0.87) => RequestStatus.Declined,
                    (_, < 0.94) => RequestStatus.Cancelled,
                    _ => RequestStatus.Expired,
                };
                asks.Add(Ask(random, requestIds, engagementIds, advocate, deals, sellers, activity, on, today, status, quality));
                if (status is RequestStatus.Completed or RequestStatus.FeedbackRecorded)
                {
                    perQuarter[quarter] = perQuarter.GetValueOrDefault(quarter) + 1;
                }
                // The next ask waits out this one's rest period, then as long again as keeps the yearly pace.
                var wait = Math.Max(20, MeanDaysBetweenAsks - activity.RestPeriodDays);
                on = on.AddDays(activity.RestPeriodDays + 1 + (int)(-Math.Log(1 - random.NextDouble()) * wait));
            }
        }
        return asks;
    }

    /// <summary>The advocate's account at the prospect's fit for most asks: what a good match would have found.</summary>
    private static ScaleAsk Ask(
        Random random, SequentialIds requestIds, SequentialIds engagementIds, ScaleAdvocate advocate, IReadOnlyList<ScaleDeal> deals,
        Guid[] sellers, ScaleActivity activity, DateOnly on, DateOnly today, RequestStatus status, double quality)
    {
        var created = At(on.AddDays(-random.Next(5, 26)), random);
        if (DateOnly.FromDateTime(created.UtcDateTime) >= today)
        {
            created = At(today.AddDays(-1), random);
        }
        ScaleDeal? deal = random.NextDouble() < 0.85 ? deals[random.Next(deals.Count)] : null;
        if (deal?.AccountId == advocate.AccountId)
        {
            deal = null;
        }
        var products = random.NextDouble() < 0.8
            ? advocate.Products.Take(random.Next(1, Math.Min(2, advocate.Products.Length) + 1)).ToArray()
            : [];
        var reserved = created.AddHours(4);
        var asked = status is RequestStatus.CandidateProposed ? (DateTimeOffset?)null : created.AddDays(random.Next(1, 3));
        var happened = status is RequestStatus.Completed or RequestStatus.FeedbackRecorded;
        int? rating = status == RequestStatus.FeedbackRecorded ? Math.Clamp((int)Math.Round(quality + Normal(random) * 0.8), 1, 5) : null;
        var (ledgerStatus, ledgerAt) = status switch
        {
            RequestStatus.Completed or RequestStatus.FeedbackRecorded => (EngagementStatus.Completed, At(on, random)),
            RequestStatus.Scheduled => (EngagementStatus.Scheduled, At(on, random)),
            RequestStatus.CandidateProposed => (EngagementStatus.Reserved, reserved),
            _ => (EngagementStatus.Released, reserved),
        };
        return new ScaleAsk(
            RequestId: requestIds.Next(),
            RequesterId: deal?.OwnerId ?? sellers[random.Next(sellers.Length)],
            OpportunityId: deal?.Id,
            ActivityTypeId: activity.Id,
            NeededBy: on.AddDays(random.Next(0, 11)),
            IndustryId: random.NextDouble() < 0.75 ? advocate.IndustryId : null,
            Region: random.NextDouble() switch
            {
                < 0.7 => advocate.Region,
                < 0.85 => (Region)random.Next(4),
                _ => null,
            },
            Products: products,
            Status: status,
            CreatedAt: created,
            ContactId: advocate.ContactId,
            AccountId: advocate.AccountId,
            AccountOwnerId: advocate.AccountOwnerId,
            AdvocateAskedAt: asked,
            ScheduledFor: status is RequestStatus.Scheduled or RequestStatus.Completed or RequestStatus.FeedbackRecorded ? ledgerAt : null,
            DeclineReason: status == RequestStatus.Declined ? s_declineReasons[random.Next(s_declineReasons.Length)] : null,
            Happened: status == RequestStatus.FeedbackRecorded ? happened : null,
            Rating: rating,
            Helped: status == RequestStatus.FeedbackRecorded && deal is not null ? random.NextDouble() < 0.8 : null,
            FeedbackNotes: status == RequestStatus.FeedbackRecorded && random.Next(3) == 0 ? s_feedback[random.Next(s_feedback.Length)] : null,
            RequestVersion: ScaleData.RandomId(random),
            EngagementId: engagementIds.Next(),
            EngagementStatus: ledgerStatus,
            EngagementAt: ledgerAt,
            EngagementVersion: ScaleData.RandomId(random));
    }

    /// <summary>About one referenceable contact in twenty has a blackout, most of them in the coming months.</summary>
    public static List<ScaleBlackout> Blackouts(IReadOnlyList<ScaleAdvocate> advocates, DateOnly today)
    {
        var random = new Random(ScaleData.RandomSeed + 5);
        var ids = new SequentialIds(random);
        var blackouts = new List<ScaleBlackout>(advocates.Count / 15);
        foreach (var advocate in advocates)
        {
            if (random.NextDouble() < 0.05)
            {
                var starts = today.AddDays(random.Next(-20, 120));
                blackouts.Add(new ScaleBlackout(ids.Next(), advocate.ContactId, starts, starts.AddDays(random.Next(7, 46)),
                    s_blackoutReasons[random.Next(s_blackoutReasons.Length)]));
            }
        }
        return blackouts;
    }

    /// <summary>
    /// The NPS answers of one contact: about a third answered the survey, once to three times in two years. Advocates
    /// mostly answer 9 or 10; customers spread over the scale, as detractors, passives and promoters.
    /// </summary>
    public static void Nps(Random random, SequentialIds ids, Guid contactId, AdvocacyStage stage, DateOnly today, List<ScaleNps> answers)
    {
        if (random.NextDouble() >= 0.3)
        {
            return;
        }
        var (promoter, passive) = stage switch
        {
            AdvocacyStage.Customer => (0.30, 0.40),
            AdvocacyStage.Promoter => (0.80, 0.17),
            _ => (0.90, 0.09),
        };
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var roll = random.NextDouble();
            var score = roll < promoter ? random.Next(9, 11) : roll < promoter + passive ? random.Next(7, 9) : random.Next(0, 7);
            answers.Add(new ScaleNps(ids.Next(), contactId, today.AddDays(-random.Next(0, HistoryDays)), score,
                random.Next(5) == 0 ? s_npsComments[random.Next(s_npsComments.Length)] : null));
        }
    }

    private static ScaleActivity PickActivity(Random random, ScaleActivity[] agreed)
    {
        var pick = random.Next(agreed.Sum(a => ScaleStories.ActivityWeight(a.Key)));
        foreach (var activity in agreed)
        {
            pick -= ScaleStories.ActivityWeight(activity.Key);
            if (pick < 0)
            {
                return activity;
            }
        }
        return agreed[^1];
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A moment in the working day of <paramref name="day"/>, in UTC.</summary>
    private static DateTimeOffset At(DateOnly day, Random random) =>
        new(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 10 * 60)), TimeSpan.Zero);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
