using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Opportunities;
using Vouch.Features.Programs;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The program dashboard, its drill-downs and exports, the KPIs and the monthly report, over deals and requests of early 2025.</summary>
public sealed class ProgramApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Period = "from=2025-01&to=2025-03";

    private static DateTimeOffset At(string day) => DateTimeOffset.Parse(day + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// January: a won deal of 10,000 and a lost one of 5,000, each helped by a reference asked for that month (the first
    /// scheduled two business days after it was asked); February: a won deal of 7,000 without references and a request
    /// the advocate declined.
    /// </summary>
    private Task<(Guid Won, Guid Lost)> SeedAsync() => s_seeded.GetValue(app, SeedOnceAsync);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<VouchApp, Task<(Guid Won, Guid Lost)>> s_seeded = [];

    private static async Task<(Guid Won, Guid Lost)> SeedOnceAsync(VouchApp app)
    {
        var (people, advocate) = await app.AddPeopleAsync();
        return await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            var prospect = new Account { Name = "Program prospect", IndustryId = advocate.IndustryId, Region = Region.Emea, CountryCode = "DE", Employees = 300 };
            Opportunity Deal(string name, decimal amount, string closed, bool won) => new()
            {
                AccountId = prospect.Id, Name = name, Amount = amount, Stage = won ? "Closed won" : "Closed lost",
                CloseDate = DateOnly.Parse(closed, System.Globalization.CultureInfo.InvariantCulture), IsClosed = true, IsWon = won, OwnerId = people.SellerId,
            };
            var won = Deal("Northwind renewal", 10_000m, "2025-01-10", true);
            var lost = Deal("Contoso pilot", 5_000m, "2025-01-20", false);
            var without = Deal("Fabrikam rollout", 7_000m, "2025-02-14", true);
            (won.OpenedOn, without.OpenedOn) = (new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 15));
            ReferenceRequest Request(Guid? deal, string created, RequestStatus status) => new()
            {
                RequesterId = people.SellerId, OpportunityId = deal, ActivityTypeId = call.Id, NeededBy = new DateOnly(2025, 3, 1),
                Status = status, CreatedAt = At(created), ContactId = advocate.ContactId,
                Happened = status == RequestStatus.FeedbackRecorded ? true : null, Rating = status == RequestStatus.FeedbackRecorded ? 4 : null,
                Helped = status == RequestStatus.FeedbackRecorded ? true : null,
            };
            var first = Request(won.Id, "2025-01-02", RequestStatus.FeedbackRecorded);
            first.Transitions.Add(new RequestTransition { To = RequestStatus.Scheduled, At = At("2025-01-06"), ByName = "Seller" });
            var second = Request(lost.Id, "2025-01-03", RequestStatus.FeedbackRecorded);
            var declined = Request(null, "2025-02-05", RequestStatus.Declined);
            declined.AdvocateAskedAt = At("2025-02-06");
            db.AddRange(prospect, won, lost, without, first, second, declined);
            await db.SaveChangesAsync(Ct);
            return (won.Id, lost.Id);
        });
    }

    private static FigureSeries Series(ProgramDashboardResponse dashboard, string measure) =>
        dashboard.Figures.SelectMany(f => f.Series).Single(s => s.Measure == measure);

    [Fact]
    public async Task The_dashboard_counts_each_month_as_the_influence_report_does_and_drills_down_to_the_records()
    {
        var (won, _) = await SeedAsync();
        using var executive = await app.ClientForAsync(Roles.Executive);

        var dashboard = (await executive.GetFromJsonAsync<ProgramDashboardResponse>($"/api/v1/program/dashboard?{Period}", Ct))!;

        Assert.Equal(["2025-01", "2025-02", "2025-03"], dashboard.Months);
        Assert.Equal([10_000, 0, 0], Series(dashboard, "influenced-revenue").Values);
        Assert.Equal([0.5, null, null], Series(dashboard, "win-rate-with-references").Values);
        Assert.Equal([null, 1.0, null], Series(dashboard, "win-rate-without-references").Values);
        Assert.Equal([2, 1, 0], Series(dashboard, "requests").Values);
        Assert.Equal([1.0, 0, null], Series(dashboard, "fulfilment-rate").Values);
        Assert.Equal([2, null, null], Series(dashboard, "days-to-fulfil").Values);
        Assert.Equal([1.0, 0, null], Series(dashboard, "acceptance-rate").Values);
        var numbers = dashboard.Figures.Single(f => f.Key == "win-rate").Numbers;
        // Won 40 days after it was opened with a reference, 30 days without; the lost deal carries no opened day.
        Assert.Equal((40.0, 30.0), (numbers.Single(n => n.Name == "Median sales cycle with references").Value,
            numbers.Single(n => n.Name == "Median sales cycle without references").Value));
        var report = (await executive.GetFromJsonAsync<ReferenceReport>("/api/v1/reports/references", Ct))!;
        Assert.Equal(10_000m, report.InfluencedRevenue);

        var records = (await executive.GetFromJsonAsync<FigureRecords>($"/api/v1/program/figures/influenced-revenue/records?{Period}", Ct))!;
        var record = Assert.Single(records.Records.Items);
        Assert.Equal(($"/opportunities/{won}", "Northwind renewal", "10000.00"), (record.Href, record.Cells[0], record.Cells[^1]));
        var requests = (await executive.GetFromJsonAsync<FigureRecords>($"/api/v1/program/figures/requests/records?{Period}&pageSize=2", Ct))!;
        Assert.Equal((3, 2), (requests.Records.Total, requests.Records.Items.Count));

        using var csv = await executive.GetAsync($"/api/v1/program/figures/influenced-revenue/records?{Period}&format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Deal,Account,Opened,Closed,Outcome,With references,Amount", "Northwind renewal,Program prospect,2024-12-01,2025-01-10,Won,Yes,10000.00"], lines);
        using var xlsx = await executive.GetAsync($"/api/v1/program/figures/influenced-revenue/records?{Period}&format=xlsx", Ct);
        Assert.Equal(FigureExport.ExcelContentType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2]);

        var page = await executive.GetStringAsync($"/program/figures/influenced-revenue?{Period}", Ct);
        Assert.Contains($"<a href=\"/opportunities/{won}\">Northwind renewal</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_periods_formats_and_figures_are_refused_naming_the_field()
    {
        using var executive = await app.ClientForAsync(Roles.Executive);
        using var seller = await app.ClientForAsync(Roles.Seller);

        await (await executive.GetAsync("/api/v1/program/dashboard?from=yesterday", Ct)).AssertValidationProblemAsync("from");
        await (await executive.GetAsync("/api/v1/program/dashboard?from=2025-05&to=2025-01", Ct)).AssertValidationProblemAsync("from");
        await (await executive.GetAsync("/api/v1/program/figures/requests/records?format=pdf", Ct)).AssertValidationProblemAsync("format");
        await (await executive.GetAsync("/api/v1/program/report?month=13-2025", Ct)).AssertValidationProblemAsync("month");
        Assert.Equal(HttpStatusCode.NotFound, (await executive.GetAsync("/api/v1/program/figures/happiness/records", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync("/api/v1/program/dashboard", Ct)).StatusCode);
    }

    [Fact]
    public async Task Kpis_are_set_five_at_most_and_anything_wrong_changes_nothing()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var executive = await app.ClientForAsync(Roles.Executive);
        object Kpi(string measure, object target, bool? higher = null, string? name = null) => new { measure, name, target, higherIsBetter = higher };

        using var set = await manager.PutAsJsonAsync("/api/v1/program/kpis", new
        {
            kpis = new[]
            {
                Kpi("influenced-revenue", 250_000), Kpi("win-rate-with-references", 0.5), Kpi("days-to-fulfil", 8),
                Kpi("acceptance-rate", 0.7, name: "Advocates say yes"), Kpi("promoters-recruited", 0, higher: true),
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var status = (await set.Content.ReadFromJsonAsync<KpisResponse>(Ct))!;
        Assert.Equal(["Influenced revenue", "Win rate with references", "Median business days to schedule", "Advocates say yes", "Promoters recruited"],
            status.Kpis.Select(k => k.Name));
        Assert.False(status.Kpis[2].HigherIsBetter);
        Assert.Equal(12, status.Kpis[0].Months.Count);
        // No promoter was recruited in the last twelve months: 0 meets a target of 0; no revenue misses 250,000.
        Assert.Equal((true, false), (status.Kpis[4].OnTrack, status.Kpis[0].OnTrack));

        await (await manager.PutAsJsonAsync("/api/v1/program/kpis", new { kpis = Enumerable.Repeat(Kpi("requests", 10), 6) }, Ct)).AssertValidationProblemAsync("kpis");
        await (await manager.PutAsJsonAsync("/api/v1/program/kpis", new { kpis = new[] { Kpi("revenue-of-dreams", 10) } }, Ct)).AssertValidationProblemAsync("kpis[0].measure");
        await (await manager.PutAsJsonAsync("/api/v1/program/kpis", new { kpis = new[] { Kpi("acceptance-rate", 70) } }, Ct)).AssertValidationProblemAsync("kpis[0].target");
        using var words = await manager.PutAsync("/api/v1/program/kpis",
            new StringContent("""{"kpis":[{"measure":"requests","target":"lots"}]}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, words.StatusCode);
        Assert.Contains("kpis[0].target", await words.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PutAsJsonAsync("/api/v1/program/kpis", new { kpis = Array.Empty<object>() }, Ct)).StatusCode);

        var after = (await executive.GetFromJsonAsync<KpisResponse>("/api/v1/program/kpis", Ct))!;
        Assert.Equal(status.Kpis.Select(k => (k.Measure, k.Name, k.Target)), after.Kpis.Select(k => (k.Measure, k.Name, k.Target)));
        var page = await executive.GetStringAsync("/program/kpis", Ct);
        Assert.Contains("data-testid=\"standing\">on track</span>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"standing\">off track</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_report_compares_the_month_with_the_one_before_as_a_page_and_a_pdf_and_takes_subscribers()
    {
        await SeedAsync();
        using var executive = await app.ClientForAsync(Roles.Executive);

        var report = (await executive.GetFromJsonAsync<ExecutiveReportResponse>("/api/v1/program/report?month=2025-02", Ct))!;
        var revenue = report.Lines.Single(l => l.Measure == "influenced-revenue");
        Assert.Equal(("Reference program report, February 2025", 0.0, 10_000.0), (report.Title, revenue.Value, revenue.Before));
        using var pdf = await executive.GetAsync("/api/v1/program/report/pdf?month=2025-02", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]);
        var page = await executive.GetStringAsync("/program/report?month=2025-02", Ct);
        Assert.Contains("<h1>Reference program report, February 2025</h1>", page, StringComparison.Ordinal);

        Assert.False((await executive.GetFromJsonAsync<ReportSubscriptionResponse>("/api/v1/program/report/subscription", Ct))!.Subscribed);
        using var subscribed = await executive.PutAsJsonAsync("/api/v1/program/report/subscription", new { subscribed = true }, Ct);
        Assert.True((await subscribed.Content.ReadFromJsonAsync<ReportSubscriptionResponse>(Ct))!.Subscribed);
        await (await executive.PutAsJsonAsync("/api/v1/program/report/subscription", new { }, Ct)).AssertValidationProblemAsync("subscribed");
        Assert.True((await executive.GetFromJsonAsync<ReportSubscriptionResponse>("/api/v1/program/report/subscription", Ct))!.Subscribed);
    }
}
