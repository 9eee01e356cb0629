using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Events;

/// <summary>
/// The conversion report (decision 22), added up in SQL: each event's checked-in prospects are read by the
/// (EventId, CheckedInAt) index, their accounts' deals by the (AccountId) index, and one row per event and prospect
/// account comes back; <see cref="EventConversion"/> says the same rule in C#, and a test proves both agree.
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
        var tallies = await TallyAsync(today, window, ct);
        var unlinked = await (
                from a in db.Set<EventAttendee>()
                where a.CheckedInAt != null && a.Role == AttendeeRole.Prospect && a.AccountId == null
                group a by a.EventId into g
                select new { EventId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.EventId, x => x.Count, ct);

        var events = held.Select(e => new HeldEvent(e.Id, e.Kind, e.StartsOn)).ToList();
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
    /// Each held event's tally as <see cref="EventConversion.Tally"/> makes it, in one grouped query: one row per event
    /// and prospect account, with how many of its people came, whether the account converted within the window, and
    /// the revenue it brought in that window (counted once per event, however many of its people came). Amounts are
    /// summed as doubles, because SQLite cannot sum decimals, and rounded back to cents.
    /// </summary>
    public async Task<IReadOnlyList<EventTally>> TallyAsync(DateOnly today, int window, CancellationToken ct)
    {
        var opportunities = db.Opportunities;
        var accounts = await (
                from a in db.Set<EventAttendee>()
                where a.CheckedInAt != null && a.Role == AttendeeRole.Prospect && a.AccountId != null
                join e in db.Set<Event>() on a.EventId equals e.Id
                where e.StartsOn <= today
                group a by new { a.EventId, AccountId = a.AccountId!.Value, e.StartsOn, Until = e.StartsOn.AddDays(window) } into g
                select new
                {
                    g.Key.EventId,
                    Prospects = g.Count(),
                    Converted = db.Accounts.IgnoreQueryFilters().Any(c => c.Id == g.Key.AccountId && c.CustomerSince >= g.Key.StartsOn && c.CustomerSince <= g.Key.Until)
                        || opportunities.Any(o => o.AccountId == g.Key.AccountId && o.IsWon && o.CloseDate >= g.Key.StartsOn && o.CloseDate <= g.Key.Until),
                    Amount = opportunities.Where(o => o.AccountId == g.Key.AccountId && o.IsWon && o.CloseDate >= g.Key.StartsOn && o.CloseDate <= g.Key.Until)
                        .Sum(o => (double?)(double)o.Amount) ?? 0.0,
                })
            .ToListAsync(ct);
        return [.. accounts.GroupBy(a => a.EventId).Select(g => new EventTally(
            g.Key, g.Sum(a => a.Prospects), g.Sum(a => a.Converted ? a.Prospects : 0), Math.Round((decimal)g.Sum(a => a.Amount), 2)))];
    }
}
