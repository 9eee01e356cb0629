using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Executives;
using Vouch.Features.Requests;
using Vouch.Features.SupplyDemand;
using Vouch.Web;

namespace Vouch.Features.Programs;

/// <summary>
/// The records behind each figure of the dashboard, filtered as the figure counts them, a page at a time: the deals
/// behind influenced revenue and win rates, the requests behind volume, fulfilment and acceptance, and so on.
/// </summary>
public sealed class FigureRecordsReader(VouchDbContext db, ProgramDashboard dashboard, EventReport events,
    AdvocateSnapshot advocates, MarketSnapshot market)
{
    /// <summary>An export holds at most this many records.</summary>
    public const int MaxExported = 50_000;

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public async Task<FigureRecords> ListAsync(string figure, MonthRange range, int skip, int take, CancellationToken ct)
    {
        var (columns, total, rows) = await ReadAsync(figure, range, skip, take, ct);
        var page = take == 0 ? 1 : skip / take + 1;
        return new FigureRecords(figure, ProgramDashboard.TitleOf(figure), MonthRange.Label(range.First), MonthRange.Label(range.Last), columns,
            new Paged<FigureRecord>(rows, total, page, take));
    }

    private async Task<(IReadOnlyList<string> Columns, int Total, IReadOnlyList<FigureRecord> Rows)> ReadAsync(
        string figure, MonthRange range, int skip, int take, CancellationToken ct)
    {
        switch (figure)
        {
            case ProgramDashboard.InfluencedRevenue or ProgramDashboard.WinRate:
            {
                var deals = ReportQueries.ClosedDeals(db).Where(d => d.CloseDate >= range.First && d.CloseDate < range.End);
                if (figure == ProgramDashboard.InfluencedRevenue)
                {
                    deals = deals.Where(d => d.WithReferences && d.IsWon);
                }
                var total = await deals.CountAsync(ct);
                var page = await deals.OrderByDescending(d => d.CloseDate).ThenBy(d => d.Id).Skip(skip).Take(take)
                    .Join(db.Opportunities, d => d.Id, o => o.Id, (d, o) => new { d.Id, o.Name, Account = o.Account!.Name, d.OpenedOn, d.CloseDate, d.IsWon, d.Amount, d.WithReferences })
                    .ToListAsync(ct);
                return (["Deal", "Account", "Opened", "Closed", "Outcome", "With references", "Amount"], total,
                    [.. page.Select(d => new FigureRecord($"/opportunities/{d.Id}",
                        [d.Name, d.Account, d.OpenedOn is { } opened ? Day(opened) : null, Day(d.CloseDate), d.IsWon ? "Won" : "Lost",
                            d.WithReferences ? "Yes" : "No", Money(d.Amount)]))]);
            }
            case ProgramDashboard.Requests or ProgramDashboard.Fulfilment or ProgramDashboard.Acceptance:
            {
                var requests = db.ReferenceRequests.Where(r => r.CreatedAt >= range.StartsAt && r.CreatedAt < range.EndsAt);
                if (figure == ProgramDashboard.Fulfilment)
                {
                    requests = requests.Where(r => ProgramDashboard.Fulfilled.Contains(r.Status) || ProgramDashboard.Unfulfilled.Contains(r.Status));
                }
                else if (figure == ProgramDashboard.Acceptance)
                {
                    requests = requests.Where(r => ProgramDashboard.AcceptedOrLater.Contains(r.Status) || (r.Status == RequestStatus.Declined && r.AdvocateAskedAt != null));
                }
                var total = await requests.CountAsync(ct);
                var page = await requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take)
                    .Select(r => new
                    {
                        r.Id, r.CreatedAt, Activity = r.ActivityType!.Name, r.Status,
                        Contact = r.Contact == null ? null : r.Contact.FirstName + " " + r.Contact.LastName,
                        Deal = r.Opportunity == null ? null : r.Opportunity.Name,
                    })
                    .ToListAsync(ct);
                return (["Requested", "Activity", "Advocate", "Deal", "Status"], total,
                    [.. page.Select(r => new FigureRecord($"/requests/{r.Id}",
                        [Day(DateOnly.FromDateTime(r.CreatedAt.UtcDateTime)), r.Activity, r.Contact, r.Deal, r.Status.ToString()]))]);
            }
            case ProgramDashboard.Utilisation:
            {
                var report = await MarketAsync(range, ct);
                var burnout = report?.NearestBurnout ?? [];
                return (["Advocate", "Asks last quarter", "Asks allowed a quarter", "Utilisation", "Last asked"], burnout.Count,
                    [.. burnout.Skip(skip).Take(take).Select(b => new FigureRecord($"/contacts/{b.ContactId}",
                        [b.Name, Number(b.AsksLastQuarter), Number(b.AsksPerQuarter), b.Utilisation.ToString("P0", s_invariant).Replace(" ", "", StringComparison.Ordinal),
                            b.LastAskedOn is { } on ? Day(on) : null]))]);
            }
            case ProgramDashboard.SupplyDemandGaps:
            {
                var report = await MarketAsync(range, ct);
                var gaps = (report?.Cells ?? []).Where(c => c.Gap > 0).OrderByDescending(c => c.Gap).ThenBy(c => SupplyDemandEngine.Label(c.Cell), StringComparer.Ordinal).ToList();
                return (["Industry", "Product", "Region", "Activity", "Demand", "Supply", "Gap"], gaps.Count,
                    [.. gaps.Skip(skip).Take(take).Select(g => new FigureRecord("/reports/supply-demand",
                        [g.Cell.Industry ?? "Any", g.Cell.Product ?? "Any", g.Cell.Region ?? "Any", g.Cell.Activity, Number(g.Demand), Number(g.Supply), Number(g.Gap)]))]);
            }
            case ProgramDashboard.Content:
            {
                var assets = db.ContentAssets.Where(c => c.UseCount > 0 || c.State == ApprovalState.Approved || c.State == ApprovalState.Expired);
                var total = await assets.CountAsync(ct);
                var page = await assets.OrderByDescending(c => c.UseCount).ThenBy(c => c.Title).ThenBy(c => c.Id).Skip(skip).Take(take)
                    .Select(c => new { c.Id, c.Title, c.Kind, c.State, c.UseCount, c.ApprovedUntil })
                    .ToListAsync(ct);
                return (["Title", "Kind", "State", "Uses", "Approved until"], total,
                    [.. page.Select(c => new FigureRecord($"/content/{c.Id}",
                        [c.Title, ProgramDashboard.ContentWords(c.Kind), c.State.ToString(), Number(c.UseCount), c.ApprovedUntil is { } until ? Day(until) : null]))]);
            }
            case ProgramDashboard.Promoters:
            {
                var contacts = db.Contacts.Where(c => c.AdvocacyStage != AdvocacyStage.Customer && c.ConsentGivenOn >= range.First && c.ConsentGivenOn < range.End);
                var total = await contacts.CountAsync(ct);
                var page = await contacts.OrderByDescending(c => c.ConsentGivenOn).ThenBy(c => c.Id).Skip(skip).Take(take)
                    .Select(c => new { c.Id, c.FirstName, c.LastName, Account = c.Account!.Name, c.AdvocacyStage, c.ConsentGivenOn })
                    .ToListAsync(ct);
                return (["Contact", "Account", "Stage", "Consented"], total,
                    [.. page.Select(c => new FigureRecord($"/contacts/{c.Id}",
                        [$"{c.FirstName} {c.LastName}", c.Account, c.AdvocacyStage.ToString(), c.ConsentGivenOn is { } on ? Day(on) : null]))]);
            }
            case ProgramDashboard.GiveAsk:
            {
                var entries = db.Engagements.Where(e => e.At >= range.StartsAt && e.At < range.EndsAt);
                var total = await entries.CountAsync(ct);
                var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(skip).Take(take)
                    .Select(e => new
                    {
                        e.ContactId, e.At, e.Kind, e.Status, Contact = e.Contact!.FirstName + " " + e.Contact.LastName,
                        What = e.Title ?? e.ActivityType!.Name,
                        Hours = e.Kind == EngagementKind.Ask ? e.ActivityType!.EffortHours : e.CreditHours ?? 0,
                    })
                    .ToListAsync(ct);
                return (["When", "Advocate", "Kind", "What", "Status", "Hours"], total,
                    [.. page.Select(e => new FigureRecord($"/contacts/{e.ContactId}",
                        [Day(DateOnly.FromDateTime(e.At.UtcDateTime)), e.Contact, e.Kind.ToString(), e.What, e.Status.ToString(), e.Hours.ToString("0.##", s_invariant)]))]);
            }
            case ProgramDashboard.Events:
            {
                var today = dashboard.Today;
                var tallies = (await events.TallyAsync(today, events.WindowDays, ct)).ToDictionary(t => t.EventId);
                var held = db.Set<Event>().Where(e => e.StartsOn >= range.First && e.StartsOn < range.End && e.StartsOn <= today);
                var total = await held.CountAsync(ct);
                var page = await held.OrderByDescending(e => e.StartsOn).ThenBy(e => e.Id).Skip(skip).Take(take)
                    .Select(e => new { e.Id, e.Title, e.Kind, e.StartsOn }).ToListAsync(ct);
                return (["Event", "Kind", "Held", "Prospects", "Converted", "Revenue"], total,
                    [.. page.Select(e =>
                    {
                        var t = tallies.GetValueOrDefault(e.Id) ?? new EventTally(e.Id, 0, 0, 0);
                        return new FigureRecord($"/events/{e.Id}", [e.Title, Event.Words(e.Kind), Day(e.StartsOn), Number(t.Prospects), Number(t.Converted), Money(t.Revenue)]);
                    })]);
            }
            case ProgramDashboard.Executives:
            {
                var held = db.Set<ExecutiveConversation>().Where(c => c.HeldOn >= range.First && c.HeldOn < range.End);
                var total = await held.CountAsync(ct);
                var page = await held.OrderByDescending(c => c.HeldOn).ThenBy(c => c.Id).Skip(skip).Take(take)
                    .Select(c => new
                    {
                        c.Id, c.HeldOn, Executive = c.Executive!.DisplayName == "" ? c.Executive.Email : c.Executive.DisplayName,
                        Contact = c.Contact!.FirstName + " " + c.Contact.LastName, Account = c.Account!.Name, c.Channel,
                    })
                    .ToListAsync(ct);
                return (["Held", "Executive", "Customer", "Account", "Channel"], total,
                    [.. page.Select(c => new FigureRecord($"/executives/conversations/{c.Id}",
                        [Day(c.HeldOn), c.Executive, c.Contact, c.Account, c.Channel.ToString()]))]);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(figure), figure, "Not a figure of the dashboard.");
        }
    }

    private async Task<SupplyDemandReport?> MarketAsync(MonthRange range, CancellationToken ct)
    {
        var today = dashboard.Today;
        var to = range.End < today.AddDays(1) ? range.End : today.AddDays(1);
        return to > range.First
            ? await db.ReportAsync(advocates, market, range.First, to, today, SupplyDemandEndpoints.DefaultAsksPerQuarter, ct)
            : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", s_invariant);

    private static string Number(int value) => value.ToString(s_invariant);

    private static string Money(decimal amount) => amount.ToString("0.00", s_invariant);
}
