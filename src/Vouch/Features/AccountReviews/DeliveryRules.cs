using Vouch.Features.Matching;

namespace Vouch.Features.AccountReviews;

/// <summary>An escalation still open at an account.</summary>
public sealed record OpenEscalation(string Title, DateOnly OpenedOn);

/// <summary>
/// What the reviews say of an account's delivery: its latest held review (day and health), its next review still to
/// come, and its open escalations.
/// </summary>
public sealed record DeliveryFacts(DateOnly? LastHeldOn, DeliveryHealth? LastHealth, DateOnly? NextReviewOn, IReadOnlyList<OpenEscalation> OpenEscalations)
{
    public static readonly DeliveryFacts None = new(null, null, null, []);
}

/// <summary>
/// What delivery means for asking the account's contacts: the reasons that hold every ask (none when asks may go on),
/// and a note for the seller on a candidate who may be asked (delivery excels, or is amber).
/// </summary>
public sealed record DeliveryVerdict(IReadOnlyList<string> Holds, string? Note)
{
    public static readonly DeliveryVerdict Clear = new([], null);

    public bool Held => Holds.Count > 0;
}

/// <summary>
/// The health rules of decision 23: a customer whose delivery is failing is not asked to vouch for it. Red at the latest
/// held review, or any open escalation, holds every ask of the account's contacts, with the reason and the advice to fix
/// delivery first. Amber does not hold: the account is watched, and a seller reads "ask with care" beside its contacts.
/// Green with no escalation and a next review on the calendar is the moment to ask for more: the note proposes a case
/// study at that review.
/// </summary>
public static class DeliveryRules
{
    public static DeliveryVerdict Judge(DeliveryFacts facts, DateOnly today)
    {
        var holds = new List<string>();
        if (facts is { LastHealth: DeliveryHealth.Red, LastHeldOn: { } redOn })
        {
            holds.Add($"account health is red at the review on {Words.Day(redOn, today)}: fix delivery first");
        }
        holds.AddRange(facts.OpenEscalations
            .OrderBy(e => e.OpenedOn).ThenBy(e => e.Title, StringComparer.Ordinal)
            .Select(e => $"open escalation: {e.Title} (since {Words.Day(e.OpenedOn, today)}): fix delivery first"));
        if (holds.Count > 0)
        {
            return new DeliveryVerdict(holds, null);
        }
        return facts switch
        {
            { LastHealth: DeliveryHealth.Amber, LastHeldOn: { } amberOn } =>
                new DeliveryVerdict([], $"delivery is amber at the review on {Words.Day(amberOn, today)}: ask with care"),
            { LastHealth: DeliveryHealth.Green, NextReviewOn: { } next } when next >= today =>
                new DeliveryVerdict([], $"delivery excels: propose a case study at the review on {Words.Day(next, today)}"),
            _ => DeliveryVerdict.Clear,
        };
    }

    /// <summary>
    /// The facts of one account from its reviews and open escalations, in any order: the latest held review (the
    /// latest scheduled of those held on the same day), and the earliest review not held yet that is today or later.
    /// </summary>
    public static DeliveryFacts FactsOf(
        IEnumerable<(DateOnly ScheduledOn, DateOnly? HeldOn, DeliveryHealth? Health)> reviews, IEnumerable<OpenEscalation> open, DateOnly today)
    {
        var list = reviews.ToList();
        var last = list.Where(r => r.HeldOn is not null && r.Health is not null)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.ScheduledOn).FirstOrDefault();
        var next = list.Where(r => r.HeldOn is null && r.ScheduledOn >= today).Select(r => (DateOnly?)r.ScheduledOn).Min();
        return new DeliveryFacts(last.HeldOn, last.Health, next, [.. open]);
    }

    /// <summary>
    /// The matches with delivery applied: a candidate of a held account moves to the excluded with the reasons, one
    /// excluded already gets them added, and a candidate of an account with a note keeps its place and score with the
    /// note last among its reasons (as the owed-a-give note, it costs no points).
    /// </summary>
    public static MatchResult Apply(MatchResult result, Func<Guid, Guid> accountOf, IReadOnlyDictionary<Guid, DeliveryVerdict> verdicts)
    {
        DeliveryVerdict Of(Guid contactId) => verdicts.GetValueOrDefault(accountOf(contactId)) ?? DeliveryVerdict.Clear;
        var ranked = new List<RankedCandidate>();
        var held = new List<ExcludedCandidate>();
        foreach (var candidate in result.Candidates)
        {
            var verdict = Of(candidate.ContactId);
            if (verdict.Held)
            {
                held.Add(new ExcludedCandidate(candidate.ContactId, verdict.Holds));
            }
            else
            {
                ranked.Add(verdict.Note is { } note ? candidate with { Reasons = [.. candidate.Reasons, note] } : candidate);
            }
        }
        var excluded = result.Excluded.Select(e => Of(e.ContactId) is { Held: true } verdict ? e with { Reasons = [.. e.Reasons, .. verdict.Holds] } : e);
        return new MatchResult(ranked, [.. held, .. excluded]);
    }
}
