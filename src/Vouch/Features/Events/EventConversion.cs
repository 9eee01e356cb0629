namespace Vouch.Features.Events;

/// <summary>A prospect who was checked in at an event, with their account's day of becoming a customer, if any.</summary>
public sealed record AttendingProspect(Guid EventId, Guid AccountId, DateOnly? CustomerSince);

/// <summary>A won deal of an account: when it closed and what it brought.</summary>
public sealed record WonDeal(Guid AccountId, DateOnly ClosedOn, decimal Amount);

/// <summary>An event that took place, as the report reads it.</summary>
public sealed record HeldEvent(Guid EventId, EventKind Kind, DateOnly On);

/// <summary>What one event came to: prospects checked in with an account, how many of them converted, and the revenue that followed.</summary>
public sealed record EventTally(Guid EventId, int Prospects, int Converted, decimal Revenue);

/// <summary>
/// Which attending prospects an event converted, and the revenue that followed (decision 22): a prospect converted
/// when their account became a customer, or won a deal, on the event's day or within the window after it; the revenue
/// is that of the won deals of the attending prospects' accounts closed within the window, each account once per
/// event however many of its people came.
/// </summary>
public static class EventConversion
{
    /// <summary>The last day of the event's window: a day counts when it is between the event's day and this, both included.</summary>
    public static DateOnly WindowEnd(DateOnly eventDay, int windowDays) => eventDay.AddDays(windowDays);

    public static bool InWindow(DateOnly eventDay, int windowDays, DateOnly? day) =>
        day is { } d && d >= eventDay && d <= WindowEnd(eventDay, windowDays);

    /// <summary>Whether a prospect at an event on <paramref name="eventDay"/> became a customer within the window.</summary>
    public static bool Converted(DateOnly eventDay, int windowDays, DateOnly? customerSince, IEnumerable<DateOnly> wonDealDays) =>
        InWindow(eventDay, windowDays, customerSince) || wonDealDays.Any(d => InWindow(eventDay, windowDays, d));

    /// <summary>Each event's tally, from its checked-in prospects and their accounts' won deals; an event with none is left out.</summary>
    public static IReadOnlyList<EventTally> Tally(
        IEnumerable<HeldEvent> events, IEnumerable<AttendingProspect> prospects, IEnumerable<WonDeal> deals, int windowDays)
    {
        var days = events.ToDictionary(e => e.EventId, e => e.On);
        var won = deals.ToLookup(d => d.AccountId);
        return [.. prospects.Where(p => days.ContainsKey(p.EventId)).GroupBy(p => p.EventId).Select(g =>
        {
            var day = days[g.Key];
            var converted = g.Count(p => Converted(day, windowDays, p.CustomerSince, won[p.AccountId].Select(d => d.ClosedOn)));
            var revenue = g.Select(p => p.AccountId).Distinct()
                .Sum(account => won[account].Where(d => InWindow(day, windowDays, d.ClosedOn)).Sum(d => d.Amount));
            return new EventTally(g.Key, g.Count(), converted, revenue);
        })];
    }

    /// <summary>The share converted, or none when nobody came.</summary>
    public static double? Rate(int converted, int prospects) => prospects == 0 ? null : Math.Round((double)converted / prospects, 4);

    /// <summary>The tallies added up by kind of event, every kind shown, most converted first.</summary>
    public static IReadOnlyList<KindConversion> ByKind(IEnumerable<HeldEvent> events, IReadOnlyList<EventTally> tallies)
    {
        var byEvent = tallies.ToDictionary(t => t.EventId);
        return [.. Enum.GetValues<EventKind>()
            .Select(kind =>
            {
                var held = events.Where(e => e.Kind == kind).ToList();
                var of = held.Select(e => byEvent.GetValueOrDefault(e.EventId)).OfType<EventTally>().ToList();
                var (prospects, converted) = (of.Sum(t => t.Prospects), of.Sum(t => t.Converted));
                return new KindConversion(kind.ToString(), Event.Words(kind), held.Count, prospects, converted, Rate(converted, prospects), of.Sum(t => t.Revenue));
            })
            .OrderByDescending(k => k.Converted).ThenByDescending(k => k.Events).ThenBy(k => k.Kind, StringComparer.Ordinal)];
    }
}
