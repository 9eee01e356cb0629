using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Opportunities;
using Vouch.Features.Programs;
using Vouch.Features.Requests;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A reference manager reads the program through the real pages: the dashboard's charts are given the month's figures,
/// a figure drills down to the deals behind it, the KPIs say which are on track, and the monthly report prints.
/// </summary>
public sealed class ProgramTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task TheDashboardChartsTheFiguresAndDrillsDownToTheDealsBehindThem()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var dealName = $"Rimu renewal {suffix}";
        await server.QueryAsync(async (db, ct) =>
        {
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
            var prospect = new Account { Name = $"Rimu Logistics {suffix}" };
            var won = new Opportunity
            {
                AccountId = prospect.Id, Name = dealName, Amount = 42_000m, Stage = "Closed won", CloseDate = new DateOnly(2024, 2, 12), IsClosed = true, IsWon = true,
            };
            var lost = new Opportunity
            {
                AccountId = prospect.Id, Name = $"Rimu pilot {suffix}", Amount = 9_000m, Stage = "Closed lost", CloseDate = new DateOnly(2024, 3, 5), IsClosed = true,
            };
            db.AddRange(prospect, won, lost, new ReferenceRequest
            {
                RequesterId = manager.Id, OpportunityId = won.Id, ActivityTypeId = call.Id, NeededBy = new DateOnly(2024, 2, 10),
                Status = RequestStatus.FeedbackRecorded, CreatedAt = new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), Happened = true, Helped = true, Rating = 5,
            });
            // The demo's KPIs make way for two whose standing is known whatever else the demo holds.
            await db.Set<ProgramKpi>().ExecuteDeleteAsync(ct);
            db.AddRange(
                new ProgramKpi { Position = 1, Measure = "promoters-recruited", Name = "Promoters a month", Target = 0m, HigherIsBetter = true },
                new ProgramKpi { Position = 2, Measure = "requests", Name = "Requests a month", Target = 1_000m, HigherIsBetter = true });
            await db.SaveChangesAsync(ct);
            return 0;
        });
        var errors = new List<string>();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(errors);
        await page.SignInAsync(manager);

        await page.FollowNavigationAsync("Program");
        await Expect(page.MainHeading()).ToHaveTextAsync("The program");
        await page.GotoAsync(server.Url("/program?from=2024-01&to=2024-03"));
        var canvas = page.GetByTestId("figure-influenced-revenue").Locator("canvas");
        await Expect(canvas).ToBeVisibleAsync();
        var given = await canvas.EvaluateAsync<JsonElement>(
            "c => { const chart = Chart.getChart(c); return { labels: chart.data.labels, series: chart.data.datasets.map(d => ({ label: d.label, data: d.data })) }; }");
        Assert.Equal(["2024-01", "2024-02", "2024-03"], given.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var revenue = given.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "Influenced revenue");
        Assert.Equal([0.0, 42_000.0, 0.0], revenue.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        var winRates = await page.GetByTestId("figure-win-rate").Locator("canvas").EvaluateAsync<JsonElement>(
            "c => Chart.getChart(c).data.datasets.map(d => d.data)");
        Assert.Equal("[[null,1,null],[null,null,0]]", winRates.GetRawText());

        await page.GetByTestId("figure-influenced-revenue").GetByTestId("records-link").ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Influenced pipeline and revenue");
        await Expect(page.GetByTestId("records").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("records").GetByRole(AriaRole.Link, new() { Name = dealName })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", "/api/v1/program/figures/influenced-revenue/records?from=2024-01&to=2024-03&format=csv");

        await page.GotoAsync(server.Url("/program/kpis"));
        var kpis = page.GetByTestId("kpi");
        await Expect(kpis.Filter(new() { HasText = "Promoters a month" }).GetByTestId("standing")).ToHaveTextAsync("on track");
        await Expect(kpis.Filter(new() { HasText = "Requests a month" }).GetByTestId("standing")).ToHaveTextAsync("off track");

        await page.GotoAsync(server.Url("/program/report?month=2024-02"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Reference program report, February 2024");
        await Expect(page.GetByTestId("report-lines").Locator("tr[data-measure='influenced-revenue'] td").First).ToHaveTextAsync("42,000");
        Assert.Empty(errors);
    }
}
