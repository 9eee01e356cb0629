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
        else if (candidate.ConsentExpiresOn is { } expires && expires < today)
        {
            reasons.Add($"consent expired on {Dates.Say(expires, today)}");
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
            reasons.Add($"in a rest period until {Dates.Say(restingUntil, today)}");
        }

        var quarter = Dates.QuarterOf(today);
        if (candidate.MaxAsksPerQuarter is { } max)
        {
            var asked = own.Count(a => Dates.QuarterOf(a.On) == quarter);
            if (asked >= max)
            {
                reasons.Add($"quarterly limit reached ({asked} of {max})");
            }
        }

        var accountAsks = ledger.Count(a => a.AccountId == candidate.Account.Id && a.State != AskState.Released && Dates.QuarterOf(a.On) == quarter);
        if (accountAsks >= policy.AccountAsksPerQuarter)
        {
            reasons.Add($"account limit reached ({accountAsks} of {policy.AccountAsksPerQuarter} this quarter)");
        }

        var blackedOutUntil = candidate.Blackouts
            .Where(b => b.Starts <= criteria.NeededBy && b.Ends >= today)
            .Select(b => b.Ends)
            .DefaultIfEmpty()
            .Max();
        if (blackedOutUntil != default)
        {
            reasons.Add($"blacked out until {Dates.Say(blackedOutUntil, today)}");
        }

        if (candidate.Account.ContractDate is { } signed)
        {
            var days = today.DayNumber - signed.DayNumber;
            if (days >= 0 && days < policy.NoAskDaysAfterSigning)
            {
                reasons.Add($"account signed {Words.Days(days)} ago (no asks in the first {policy.NoAskDaysAfterSigning} days)");
            }
        }
        return reasons;
    }
}
