using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Executives;
using Vouch.Features.Requests;
using Vouch.Features.SupplyDemand;

namespace Vouch.Features.Programs;

/// <summary>The dashboard's settings, from the <c>Programs</c> section of the configuration.</summary>
public sealed class ProgramOptions
{
    /// <summary>
    /// How old the figures one instance computed may be before a reader starts computing them again (and is answered
    /// with them meanwhile), unless a save through the instance changed something; other instances' changes show after
    /// about this long. 0 computes them for every reader.
    /// </summary>
    public int FiguresSeconds { get; set; } = 60;

    /// <summary>How long figures kept in memory answer readers before one of them starts a refresh.</summary>
    public static TimeSpan KeepFiguresFor(IServiceProvider services) =>
        TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ProgramOptions>>().Value.FiguresSeconds);

    /// <summary>How many days ahead approved content counts as expiring.</summary>
    public int ExpiringWithinDays { get; set; } = 90;
}

/// <summary>
/// The program's figures over a period (decision 28), each added up by the engine that owns it: influenced revenue and
/// win rates by <see cref="ReportQueries"/> (the rule of <see cref="RevenueAttribution"/>), gaps and burnout by the
/// supply and demand report, the give/ask balance by the <see cref="Ledger"/>'s weighing, event conversion by
/// <see cref="EventReport"/>, executives' progress by <see cref="ExecutiveProgram"/>. Monthly figures are grouped by
/// month in the database; the whole dashboard is kept in memory per period and day (<see cref="KeptFigures{TKey, TFigures}"/>).
/// </summary>
public sealed class ProgramDashboard(
    VouchDbContext db, Ledger ledger, EventReport events, ExecutiveProgram executives, AdvocateSnapshot advocates, MarketSnapshot marketSnapshot,
    IOptions<RequestOptions> requestOptions, IOptions<ProgramOptions> options, KeptFigures<(MonthRange Range, DateOnly Today), ProgramDashboardResponse> kept,
    TimeProvider clock)
{
    public const string InfluencedRevenue = "influenced-revenue";
    public const string WinRate = "win-rate";
    public const string Requests = "requests";
    public const string Fulfilment = "fulfilment";
    public const string Acceptance = "acceptance";
    public const string Utilisation = "utilisation";
    public const string SupplyDemandGaps = "supply-demand";
    public const string Content = "content";
    public const string Promoters = "promoters";
    public const string GiveAsk = "give-ask";
    public const string Events = "events";
    public const string Executives = "executives";

    /// <summary>Every figure, in the order the dashboard shows them, with its title.</summary>
    public static readonly IReadOnlyList<(string Key, string Title)> Figures =
    [
        (InfluencedRevenue, "Influenced pipeline and revenue"),
        (WinRate, "Win rate with and without references"),
        (Requests, "Request volume"),
        (Fulfilment, "Fulfilment against the service level"),
        (Acceptance, "Acceptance rate"),
        (Utilisation, "Utilisation and burnout risk"),
        (SupplyDemandGaps, "Supply and demand gaps"),
        (Content, "Content use and expiry"),
        (Promoters, "Promoters recruited"),
        (GiveAsk, "Give/ask balance"),
        (Events, "Event conversion"),
        (Executives, "Executive conversations against targets"),
    ];

    /// <summary>The request statuses of a request that reached its activity.</summary>
    internal static readonly RequestStatus[] Fulfilled = [RequestStatus.Scheduled, RequestStatus.Completed, RequestStatus.FeedbackRecorded];

    /// <summary>The request statuses of a request that ended without its activity.</summary>
    internal static readonly RequestStatus[] Unfulfilled = [RequestStatus.Declined, RequestStatus.Cancelled, RequestStatus.Expired];

    internal static readonly RequestStatus[] AcceptedOrLater = [RequestStatus.Accepted, .. Fulfilled];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Business days a request may take from submission to being scheduled: the sum of the steps' service levels.</summary>
    public int FulfilSlaDays => requestOptions.Value.ProposeWithinBusinessDays + requestOptions.Value.OwnerConsentWithinBusinessDays
        + requestOptions.Value.AdvocateReplyWithinBusinessDays + requestOptions.Value.ScheduleWithinBusinessDays;

    /// <summary>
    /// The figures of a period: computed afresh when <see cref="ProgramOptions.FiguresSeconds"/> is 0, else as
    /// <see cref="KeptFigures{TKey, TFigures}"/> keeps them.
    /// </summary>
    public Task<ProgramDashboardResponse> FiguresAsync(MonthRange range, CancellationToken ct) =>
        options.Value.FiguresSeconds <= 0 ? ComputeAsync(range, ct) : kept.GetAsync((range, Today), ct);

    public async Task<ProgramDashboardResponse> ComputeAsync(MonthRange range, CancellationToken ct)
    {
        var today = Today;
        var labels = range.Labels;
        var n = range.Count;
        var figures = new List<Figure>();
        Figure Monthly(string key, string chart, IReadOnlyList<FigureSeries> series, params FigureNumber[] numbers) =>
            new(key, TitleOf(key), chart, true, labels, series, numbers, key);
        Figure Compared(string key, IReadOnlyList<string> names, IReadOnlyList<FigureSeries> series, params FigureNumber[] numbers) =>
            new(key, TitleOf(key), "bar", false, names, series, numbers, key);

        // Influenced pipeline and revenue, win rates: closed deals by close month.
        var deals = await ReportQueries.ClosedDeals(db).Where(d => d.CloseDate >= range.First && d.CloseDate < range.End)
            .GroupBy(range.IndexOf<ClosedDealRow>(d => d.CloseDate))
            .Select(g => new
            {
                Month = g.Key,
                With = g.Count(d => d.WithReferences),
                WonWith = g.Count(d => d.WithReferences && d.IsWon),
                Without = g.Count(d => !d.WithReferences),
                WonWithout = g.Count(d => !d.WithReferences && d.IsWon),
                Revenue = g.Sum(d => d.WithReferences && d.IsWon ? (double)d.Amount : 0.0),
            })
            .ToDictionaryAsync(g => g.Month, ct);
        var asked = db.ReferenceRequests.Where(r => !Unfulfilled.Contains(r.Status));
        var pipeline = await db.Opportunities.Where(o => !(o.IsClosed && !o.IsWon) && o.CloseDate >= range.First && o.CloseDate < range.End
                && asked.Any(r => r.OpportunityId == o.Id))
            .GroupBy(range.IndexOf<Opportunities.Opportunity>(o => o.CloseDate))
            .Select(g => new { Month = g.Key, Amount = g.Sum(o => (double)o.Amount) })
            .ToDictionaryAsync(g => g.Month, g => g.Amount, ct);
        var revenue = Series(n, i => deals.TryGetValue(i, out var d) ? (double)ReportQueries.Money(d.Revenue) : 0);
        figures.Add(Monthly(InfluencedRevenue, "line",
        [
            new("Influenced pipeline", "money", Series(n, i => (double)ReportQueries.Money(pipeline.GetValueOrDefault(i))), "influenced-pipeline"),
            new("Influenced revenue", "money", revenue, "influenced-revenue"),
        ], new FigureNumber("Influenced revenue", revenue.Sum(v => v ?? 0), "money")));
        // Sales cycles: days from opened to won, of the won deals that carry the day they were opened.
        var cycles = await ReportQueries.ClosedDeals(db)
            .Where(d => d.IsWon && d.OpenedOn != null && d.OpenedOn <= d.CloseDate && d.CloseDate >= range.First && d.CloseDate < range.End)
            .Select(d => new { d.WithReferences, d.CloseDate, OpenedOn = d.OpenedOn!.Value })
            .ToListAsync(ct);
        FigureNumber Cycle(string name, bool with) => ProgramMeasures.Median(cycles.Where(c => c.WithReferences == with)
                .Select(c => c.CloseDate.DayNumber - c.OpenedOn.DayNumber)) is { } days
            ? new FigureNumber(name, days, "days")
            : new FigureNumber(name, null, "days", CycleUnknown);
        var withAll = deals.Values.Sum(d => d.With);
        var withoutAll = deals.Values.Sum(d => d.Without);
        figures.Add(Monthly(WinRate, "line",
        [
            new("With references", "rate", Series(n, i => deals.TryGetValue(i, out var d) ? Rate(d.WonWith, d.With) : null), "win-rate-with-references"),
            new("Without references", "rate", Series(n, i => deals.TryGetValue(i, out var d) ? Rate(d.WonWithout, d.Without) : null), "win-rate-without-references"),
        ],
            new FigureNumber("Win rate with references", Rate(deals.Values.Sum(d => d.WonWith), withAll), "rate"),
            new FigureNumber("Win rate without references", Rate(deals.Values.Sum(d => d.WonWithout), withoutAll), "rate"),
            Cycle("Median sales cycle with references", true),
            Cycle("Median sales cycle without references", false)));

        // Requests by the month they were made: volume, fulfilment, acceptance.
        var made = db.ReferenceRequests.Where(r => r.CreatedAt >= range.StartsAt && r.CreatedAt < range.EndsAt);
        var requests = await made.GroupBy(range.IndexOf<ReferenceRequest>(r => r.CreatedAt))
            .Select(g => new
            {
                Month = g.Key,
                Count = g.Count(),
                Fulfilled = g.Count(r => Fulfilled.Contains(r.Status)),
                Unfulfilled = g.Count(r => Unfulfilled.Contains(r.Status)),
                Accepted = g.Count(r => AcceptedOrLater.Contains(r.Status)),
                DeclinedByAdvocate = g.Count(r => r.Status == RequestStatus.Declined && r.AdvocateAskedAt != null),
            })
            .ToDictionaryAsync(g => g.Month, ct);
        figures.Add(Monthly(Requests, "bar",
            [new("Requests", "count", Series(n, i => requests.TryGetValue(i, out var r) ? r.Count : 0), "requests")],
            new FigureNumber("Requests", requests.Values.Sum(r => r.Count), "count")));

        var sla = FulfilSlaDays;
        var scheduled = await made.SelectMany(r => r.Transitions.Where(t => t.To == RequestStatus.Scheduled), (r, t) => new { r.Id, r.CreatedAt, t.At })
            .ToListAsync(ct);
        var times = scheduled.GroupBy(s => s.Id)
            .Select(g => (Month: range.IndexOf(DateOnly.FromDateTime(g.First().CreatedAt.UtcDateTime)),
                Days: ProgramMeasures.BusinessDaysBetween(g.First().CreatedAt, g.Min(s => s.At))))
            .Where(t => t.Month >= 0)
            .ToLookup(t => t.Month, t => t.Days);
        figures.Add(Monthly(Fulfilment, "line",
        [
            new("Fulfilment rate", "rate", Series(n, i => requests.TryGetValue(i, out var r) ? Rate(r.Fulfilled, r.Fulfilled + r.Unfulfilled) : null), "fulfilment-rate"),
            new("Median business days to schedule", "days", Series(n, i => ProgramMeasures.Median(times[i])), "days-to-fulfil"),
            new("Service level (business days)", "days", Series(n, _ => sla)),
            new("Scheduled within the service level", "rate", Series(n, i => times[i].Any() ? Rate(times[i].Count(d => d <= sla), times[i].Count()) : null), "fulfilled-within-sla"),
        ],
            new FigureNumber("Fulfilment rate", Rate(requests.Values.Sum(r => r.Fulfilled), requests.Values.Sum(r => r.Fulfilled + r.Unfulfilled)), "rate"),
            new FigureNumber("Service level (business days)", sla, "days")));

        figures.Add(Monthly(Acceptance, "line",
            [new("Acceptance rate", "rate", Series(n, i => requests.TryGetValue(i, out var r) ? Rate(r.Accepted, r.Accepted + r.DeclinedByAdvocate) : null), "acceptance-rate")],
            new FigureNumber("Acceptance rate", Rate(requests.Values.Sum(r => r.Accepted), requests.Values.Sum(r => r.Accepted + r.DeclinedByAdvocate)), "rate")));

        // Utilisation, burnout and gaps: the supply and demand report over the same days.
        var to = range.End < today.AddDays(1) ? range.End : today.AddDays(1);
        var market = to > range.First
            ? await db.ReportAsync(advocates, marketSnapshot, range.First, to, today, SupplyDemandEndpoints.DefaultAsksPerQuarter, ct)
            : null;
        var burnout = market?.NearestBurnout ?? [];
        figures.Add(Compared(Utilisation, [.. burnout.Select(b => b.Name)],
            [new("Utilisation last quarter", "rate", [.. burnout.Select(b => (double?)Math.Round(b.Utilisation, 4))])],
            new FigureNumber("At risk of burnout", burnout.Count(b => b.Utilisation >= SupplyDemandEngine.BurnoutThreshold), "count"),
            new FigureNumber("Average utilisation of the most asked", burnout.Count == 0 ? null : Math.Round(burnout.Average(b => b.Utilisation), 4), "rate",
                burnout.Count == 0 ? "No advocate was asked in the last quarter." : null)));
        var gaps = (market?.Cells ?? []).Where(c => c.Gap > 0).OrderByDescending(c => c.Gap).ThenBy(c => SupplyDemandEngine.Label(c.Cell), StringComparer.Ordinal).Take(GapsShown).ToList();
        figures.Add(Compared(SupplyDemandGaps, [.. gaps.Select(g => SupplyDemandEngine.Label(g.Cell))],
        [
            new("Demand", "count", [.. gaps.Select(g => (double?)g.Demand)]),
            new("Supply", "count", [.. gaps.Select(g => (double?)g.Supply)]),
        ], new FigureNumber("Cells short of supply", (market?.Cells ?? []).Count(c => c.Gap > 0), "count")));

        // Content by kind: uses, and what is expiring or expired.
        var expiringBy = today.AddDays(options.Value.ExpiringWithinDays);
        var content = await db.ContentAssets.GroupBy(c => c.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Uses = g.Sum(c => c.UseCount),
                Expiring = g.Count(c => c.State == ApprovalState.Approved && c.ApprovedUntil != null && c.ApprovedUntil >= today && c.ApprovedUntil < expiringBy),
                Expired = g.Count(c => c.State == ApprovalState.Expired || (c.State == ApprovalState.Approved && c.ApprovedUntil < today)),
            })
            .ToListAsync(ct);
        content = [.. content.OrderBy(c => c.Kind)];
        figures.Add(Compared(Content, [.. content.Select(c => ContentWords(c.Kind))],
        [
            new("Uses", "count", [.. content.Select(c => (double?)c.Uses)]),
            new($"Expiring within {options.Value.ExpiringWithinDays} days", "count", [.. content.Select(c => (double?)c.Expiring)]),
            new("Expired", "count", [.. content.Select(c => (double?)c.Expired)]),
        ],
            new FigureNumber("Uses", content.Sum(c => c.Uses), "count"),
            new FigureNumber("Expiring", content.Sum(c => c.Expiring), "count"),
            new FigureNumber("Expired", content.Sum(c => c.Expired), "count")));

        // Promoters recruited: contacts past "customer" who consented to be asked, by the month they consented.
        var promoters = await db.Contacts.Where(c => c.AdvocacyStage != AdvocacyStage.Customer && c.ConsentGivenOn >= range.First && c.ConsentGivenOn < range.End)
            .GroupBy(range.IndexOf<Contact>(c => c.ConsentGivenOn!.Value))
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Month, g => g.Count, ct);
        figures.Add(Monthly(Promoters, "bar",
            [new("Promoters recruited", "count", Series(n, i => promoters.GetValueOrDefault(i)), "promoters-recruited")],
            new FigureNumber("Promoters recruited", promoters.Values.Sum(), "count")));

        // The give/ask balance: the ledger's hours by month, weighed as every balance is.
        var ledgerMonths = await ledger.Weigh(db.Engagements.Where(e => e.At >= range.StartsAt && e.At < range.EndsAt)).Where(e => e.Counts)
            .GroupBy(range.IndexOf<WeighedEntry>(e => e.At))
            .Select(g => new
            {
                Month = g.Key,
                Asked = g.Sum(e => e.Kind == EngagementKind.Ask ? (double)e.Hours : 0.0),
                Given = g.Sum(e => e.Kind == EngagementKind.Give ? (double)e.Hours : 0.0),
            })
            .ToDictionaryAsync(g => g.Month, ct);
        var owed = await ledger.Owed(ledger.Aggregated(db.Engagements)).CountAsync(ct);
        figures.Add(Monthly(GiveAsk, "bar",
        [
            new("Hours asked", "hours", Series(n, i => ledgerMonths.TryGetValue(i, out var m) ? Hours(m.Asked) : 0), "hours-asked"),
            new("Hours given", "hours", Series(n, i => ledgerMonths.TryGetValue(i, out var m) ? Hours(m.Given) : 0), "hours-given"),
        ],
            new FigureNumber("Hours given per hour asked", ProgramMeasures.Ratio(ledgerMonths.Values.Sum(m => m.Given), ledgerMonths.Values.Sum(m => m.Asked)), "ratio",
                ledgerMonths.Values.Sum(m => m.Asked) == 0 ? "Nobody was asked in the period." : null),
            new FigureNumber("Advocates owed a give", owed, "count")));

        // Event conversion by the month of the event, as the event report counts it.
        var tallies = (await events.TallyAsync(today, events.WindowDays, ct)).ToDictionary(t => t.EventId);
        var held = await db.Set<Event>().Where(e => e.StartsOn >= range.First && e.StartsOn < range.End && e.StartsOn <= today)
            .Select(e => new { e.Id, e.StartsOn }).ToListAsync(ct);
        var byMonth = held.Select(e => (Month: range.IndexOf(e.StartsOn), Tally: tallies.GetValueOrDefault(e.Id))).Where(e => e.Tally is not null).ToLookup(e => e.Month, e => e.Tally!);
        figures.Add(Monthly(Events, "bar",
        [
            new("Prospects attending", "count", Series(n, i => byMonth[i].Sum(t => t.Prospects)), "event-prospects"),
            new("Converted", "count", Series(n, i => byMonth[i].Sum(t => t.Converted)), "event-conversions"),
            new("Conversion rate", "rate", Series(n, i => Rate(byMonth[i].Sum(t => t.Converted), byMonth[i].Sum(t => t.Prospects))), "event-conversion-rate"),
        ],
            new FigureNumber("Conversion rate", Rate(held.Sum(e => tallies.GetValueOrDefault(e.Id)?.Converted ?? 0), held.Sum(e => tallies.GetValueOrDefault(e.Id)?.Prospects ?? 0)), "rate"),
            new FigureNumber("Conversion window (days)", events.WindowDays, "days")));

        // Executive conversations: this year's against each executive's target, and by month.
        var progress = (await executives.ProgressAsync(null, ct)).Value ?? [];
        var conversations = await db.Set<ExecutiveConversation>().Where(c => c.HeldOn >= range.First && c.HeldOn < range.End)
            .GroupBy(range.IndexOf<ExecutiveConversation>(c => c.HeldOn))
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Month, g => g.Count, ct);
        figures.Add(new Figure(Executives, TitleOf(Executives), "bar", false, [.. progress.Select(p => p.Executive)],
        [
            new("Held this year", "count", [.. progress.Select(p => (double?)p.Held)]),
            new("On-track line today", "count", [.. progress.Select(p => (double?)p.OnTrackLine)]),
            new("Target this year", "count", [.. progress.Select(p => (double?)p.Target)]),
        ],
        [
            new FigureNumber("Conversations in the period", conversations.Values.Sum(), "count"),
            new FigureNumber("Executives behind", progress.Count(p => p.Behind), "count"),
        ], Executives));
        figures.Add(new Figure("executive-conversations", "Executive conversations by month", "bar", true, labels,
            [new("Conversations", "count", Series(n, i => conversations.GetValueOrDefault(i)), "executive-conversations")], [], Executives));

        return new ProgramDashboardResponse(labels[0], labels[^1], labels, figures);
    }

    public const int GapsShown = 10;

    private const string CycleUnknown = "No deal won in the period carries the day it was opened, so its sales cycle cannot be measured.";

    public static string TitleOf(string key) => Figures.First(f => f.Key == key).Title;

    public static bool IsFigure(string key) => Figures.Any(f => f.Key == key);

    private static IReadOnlyList<double?> Series(int months, Func<int, double?> value) => [.. Enumerable.Range(0, months).Select(value)];

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double Hours(double hours) => Math.Round(hours, 2);

    internal static string ContentWords(ContentKind kind) => kind switch
    {
        ContentKind.CaseStudy => "Case study",
        _ => kind.ToString(),
    };
}
