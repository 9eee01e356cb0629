using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Events;

/// <summary>
/// The conversion report (decision 22): the held events, their checked-in prospects and those prospects' accounts' won
/// deals are read in narrow rows, and <see cref="EventConversion"/> applies the rule to them.
/// </summary>
public sealed class EventReport(VouchDbContext db, IOptions<EventOptions> options, TimeProvider clock)
{
    /// <summary>The report lists at most this many events, the most recent first; the figures by kind count them all.</summary>
    public const int MaxEvents = 200;

    public int WindowDays => options.Value.ConversionWindowDays;

    public async Task<EventConversionReport> ConversionAsync(CancellationToken ct)
    {
        var window = WindowDays;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var held = await db.Set<Event>().AsNoTracking().Where(e => e.StartsOn <= today)
            .Select(e => new { e.Id, e.Kind, e.StartsOn, e.StartsAt, e.Title }).ToListAsync(ct);
        var events = held.Select(e => new HeldEvent(e.Id, e.Kind, e.StartsOn)).ToList();
        var tallies = await TallyAsync(events, window, ct);
        var unlinked = await (
                from a in db.Set<EventAttendee>()
                where a.CheckedInAt != null && a.Role == AttendeeRole.Prospect && a.AccountId == null
                group a by a.EventId into g
                select new { EventId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.EventId, x => x.Count, ct);

        var byKind = EventConversion.ByKind(events, tallies);
        var byEvent = tallies.ToDictionary(t => t.EventId);
        var rows = held.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id).Take(MaxEvents).Select(e =>
        {
            var t = byEvent.GetValueOrDefault(e.Id) ?? new EventTally(e.Id, 0, 0, 0);
            var ends = EventConversion.WindowEnd(e.StartsOn, window);
            return new EventConversionRow(e.Id, e.Title, e.Kind.ToString(), e.StartsOn, ends, ends >= today,
                t.Prospects, unlinked.GetValueOrDefault(e.Id), t.Converted, EventConversion.Rate(t.Converted, t.Prospects), t.Revenue);
        }).ToList();
        var (prospects, converted) = (tallies.Sum(t => t.Prospects), tallies.Sum(t => t.Converted));
        return new EventConversionReport(window, prospects, converted, EventConversion.Rate(converted, prospects), tallies.Sum(t => t.Revenue), byKind, rows);
    }

    /// <summary>
    /// Each held event's tally, by <see cref="EventConversion.Tally"/> itself: two narrow reads (every checked-in
    /// prospect with an account, and the won deals of those accounts) and the rule applied in memory. Worked out in SQL
    /// instead, each pair of event and account costs three correlated lookups, several times slower at scale.
    /// </summary>
    public async Task<IReadOnlyList<EventTally>> TallyAsync(DateOnly today, int window, CancellationToken ct)
    {
        var held = await db.Set<Event>().AsNoTracking().Where(e => e.StartsOn <= today)
            .Select(e => new HeldEvent(e.Id, e.Kind, e.StartsOn)).ToListAsync(ct);
        return await TallyAsync(held, window, ct);
    }

    private async Task<IReadOnlyList<EventTally>> TallyAsync(IReadOnlyList<HeldEvent> held, int window, CancellationToken ct)
    {
        var attending = db.Set<EventAttendee>()
            .Where(a => a.CheckedInAt != null && a.Role == AttendeeRole.Prospect && a.AccountId != null);
        var prospects = await (
                from a in attending
                join c in db.Accounts.IgnoreQueryFilters() on a.AccountId equals c.Id
                select new AttendingProspect(a.EventId, c.Id, c.CustomerSince))
            .ToListAsync(ct);
        var deals = await db.Opportunities
            .Where(o => o.IsWon && attending.Select(a => a.AccountId!.Value).Contains(o.AccountId))
            .Select(o => new WonDeal(o.AccountId, o.CloseDate, o.Amount))
            .ToListAsync(ct);
        return EventConversion.Tally(held, prospects, deals, window);
    }
}
