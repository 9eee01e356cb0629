using Vouch.Features.Contacts;

namespace Vouch.Features.Matching;

/// <summary>
/// The hard rules: whether a contact may be asked for an activity at all. They protect the advocate and the account, so
/// no score outweighs them; the matching ranks only whom they allow, and assigning checks them again.
/// </summary>
public static class AskRules
{
    /// <summary>Every rule that rules the candidate out, in the words a seller reads; empty when they may be asked.</summary>
    public static IReadOnlyList<string> Check(MatchCriteria criteria, MatchCandidate candidate, IReadOnlyList<PastAsk> ledger, MatchPolicy policy)
    {
        var today = policy.Today;
        var activity = criteria.Activity;
        var reasons = new List<string>();

        if (candidate.Consent == ConsentLevel.None)
        {
            reasons.Add("no consent to be a reference");
        }
        else if (ConsentExpired(candidate, today) && candidate.ConsentExpiresOn is { } expires)
        {
            reasons.Add($"consent expired on {Words.Day(expires, today)}");
        }
        if (candidate.Consent != ConsentLevel.None && !candidate.AgreedActivityIds.Contains(activity.Id))
        {
            reasons.Add($"no consent for {Words.Plural(activity.Name)}");
        }

        var own = ledger.Where(a => a.ContactId == candidate.ContactId && a.State != AskState.Released).ToList();
        var restingUntil = own
            .Where(a => a.State is AskState.Scheduled or AskState.Completed)
            .Select(a => a.On.AddDays(a.RestPeriodDays))
            .Where(until => until > today)
            .DefaultIfEmpty()
            .Max();
        if (restingUntil != default)
        {
            reasons.Add($"in a rest period until {Words.Day(restingUntil, today)}");
        }

        var quarter = Quarter.Of(today);
        if (candidate.MaxAsksPerQuarter is { } max)
        {
            var asked = own.Count(a => Quarter.Of(a.On) == quarter);
            if (asked >= max)
            {
                reasons.Add($"quarterly limit reached ({asked} of {max})");
            }
        }

        var accountAsks = ledger.Count(a => a.AccountId == candidate.Account.Id && a.State != AskState.Released && Quarter.Of(a.On) == quarter);
        if (accountAsks >= policy.AccountAsksPerQuarter)
        {
            reasons.Add($"account limit reached ({accountAsks} of {policy.AccountAsksPerQuarter} this quarter)");
        }

        if (BlackedOutUntil(criteria, candidate, today) is { } blackedOutUntil)
        {
            reasons.Add($"blacked out until {Words.Day(blackedOutUntil, today)}");
        }

        if (DaysSinceSigningInNoAskWindow(candidate, policy) is { } days)
        {
            reasons.Add($"account signed {Words.Days(days)} ago (no asks in the first {policy.NoAskDaysAfterSigning} days)");
        }
        return reasons;
    }

    /// <summary>
    /// Whether the rules that depend on nothing but the day allow asking the candidate: consent, its expiry and the
    /// account's no-ask window. The advocate pool judges these once a day for every contact.
    /// </summary>
    public static bool AllowsOnTheDay(MatchCandidate candidate, MatchPolicy policy) =>
        candidate.Consent != ConsentLevel.None
        && !ConsentExpired(candidate, policy.Today)
        && DaysSinceSigningInNoAskWindow(candidate, policy) is null;

    /// <summary>Whether a blackout falls between today and the day the reference is needed by.</summary>
    public static bool IsBlackedOut(MatchCriteria criteria, MatchCandidate candidate, DateOnly today) =>
        candidate.Blackouts.Count > 0 && BlackedOutUntil(criteria, candidate, today) is not null;

    private static bool ConsentExpired(MatchCandidate candidate, DateOnly today) => candidate.ConsentExpiresOn is { } expires && expires < today;

    /// <summary>The last day of the latest blackout between today and the day the reference is needed by; none when there is none.</summary>
    private static DateOnly? BlackedOutUntil(MatchCriteria criteria, MatchCandidate candidate, DateOnly today)
    {
        DateOnly? until = null;
        for (var i = 0; i < candidate.Blackouts.Count; i++)
        {
            var blackout = candidate.Blackouts[i];
            if (blackout.Starts <= criteria.NeededBy && blackout.Ends >= today && (until is null || blackout.Ends > until))
            {
                until = blackout.Ends;
            }
        }
        return until;
    }

    private static int? DaysSinceSigningInNoAskWindow(MatchCandidate candidate, MatchPolicy policy) =>
        candidate.Account.ContractDate is { } signed && policy.Today.DayNumber - signed.DayNumber is var days && days >= 0 && days < policy.NoAskDaysAfterSigning
            ? days
            : null;
}
