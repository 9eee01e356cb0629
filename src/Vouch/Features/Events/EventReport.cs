using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Events;

/// <summary>
/// The conversion report (decision 22), added up in SQL: each event's checked-in prospects are read by the
/// (EventId, CheckedInAt) index, their accounts' deals by the (AccountId) index, and only one row per event comes back;
/// <see cref="EventConversion"/> says the same rule in C#, and a test proves both agree.
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
    /// Each held event's tally as <see cref="EventConversion.Tally"/> makes it, in two grouped queries: the prospects and
    /// those converted, counted per attendee; the revenue, summed per account once per event. Amounts are summed as
    /// doubles, because SQLite cannot sum decimals, and rounded back to cents.
    /// </summary>
    public async Task<IReadOnlyList<EventTally>> TallyAsync(DateOnly today, int window, CancellationToken ct)
    {
        var opportunities = db.Opportunities;
        var prospects = from a in db.Set<EventAttendee>()
                        where a.CheckedInAt != null && a.Role == AttendeeRole.Prospect && a.AccountId != null
                        join e in db.Set<Event>() on a.EventId equals e.Id
                        where e.StartsOn <= today
                        select new { a.EventId, AccountId = a.AccountId!.Value, e.StartsOn, Until = e.StartsOn.AddDays(window) };

        var counts = await prospects
            .Select(p => new
            {
                p.EventId,
                Converted = db.Accounts.IgnoreQueryFilters().Any(c => c.Id == p.AccountId && c.CustomerSince >= p.StartsOn && c.CustomerSince <= p.Until)
                    || opportunities.Any(o => o.AccountId == p.AccountId && o.IsWon && o.CloseDate >= p.StartsOn && o.CloseDate <= p.Until)
                    ? 1 : 0,
            })
            .GroupBy(p => p.EventId)
            .Select(g => new { EventId = g.Key, Prospects = g.Count(), Converted = g.Sum(p => p.Converted) })
            .ToListAsync(ct);

        var revenue = await prospects
            .Select(p => new { p.EventId, p.AccountId, p.StartsOn, p.Until }).Distinct()
            .Select(p => new
            {
                p.EventId,
                Amount = opportunities.Where(o => o.AccountId == p.AccountId && o.IsWon && o.CloseDate >= p.StartsOn && o.CloseDate <= p.Until)
                    .Sum(o => (double?)(double)o.Amount) ?? 0.0,
            })
            .GroupBy(p => p.EventId)
            .Select(g => new { EventId = g.Key, Amount = g.Sum(p => p.Amount) })
            .ToDictionaryAsync(x => x.EventId, x => x.Amount, ct);

        return [.. counts.Select(c => new EventTally(c.EventId, c.Prospects, c.Converted, Math.Round((decimal)revenue.GetValueOrDefault(c.EventId), 2)))];
    }
}
