using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Ideas;
using Vouch.Features.Ideas.Ranking;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Rebuilding what ideas derive from their text and votes: <see cref="IdeaReindex"/> and <c>vouch ideas reindex</c>.</summary>
public sealed class IdeaReindexTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reindexing_restores_terms_hot_scores_and_demand_that_went_wrong_and_then_changes_nothing()
    {
        var (ideaId, accountId) = await IdeaWithVotesAsync("Export reference calls to the calendar");
        var before = await SnapshotAsync(ideaId);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            await db.IdeaTerms.Where(t => t.IdeaId == ideaId).ExecuteDeleteAsync(Ct);
            await db.IdeaDemands.Where(d => d.IdeaId == ideaId).ExecuteDeleteAsync(Ct);
            await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.HotScore, 1.0).SetProperty(i => i.VoteCount, 99).SetProperty(i => i.ValueRevenue, 0.0), Ct);
        });

        var first = await app.WithScopeAsync(s => s.GetRequiredService<IdeaReindex>().RunAsync(batchSize: 1, ct: Ct));
        var second = await app.WithScopeAsync(s => s.GetRequiredService<IdeaReindex>().RunAsync(batchSize: 7, ct: Ct));

        var after = await SnapshotAsync(ideaId);
        Assert.Equal(before.Terms, after.Terms);
        Assert.Equal(before.Facets, after.Facets);
        Assert.Equal((3, 1, 1_000_000.0), (after.Votes, after.Accounts, after.Revenue));
        // Summed vote by vote or all at once, the same score may differ in its last bits.
        Assert.Equal(before.HotScore, after.HotScore, tolerance: 1e-9);
        Assert.Contains($"segment:{Segment.Enterprise}", after.Facets);
        Assert.True(first.Changed >= 1);
        Assert.Equal((first.Total, 0), (second.Done, second.Changed));
        Assert.NotEqual(Guid.Empty, accountId);
    }

    [Fact]
    public async Task After_the_half_life_changes_reindexing_scores_every_idea_by_the_new_one()
    {
        var (ideaId, _) = await IdeaWithVotesAsync("Dark mode for the advocate portal");
        var times = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().IdeaVotes
            .Where(v => v.IdeaId == ideaId).Select(v => v.At).ToListAsync(Ct));

        var halfADay = new HotScore(0.5);
        await app.WithScopeAsync(services => new IdeaReindex(services.GetRequiredService<VouchDbContext>(), halfADay,
            services.GetRequiredService<IdeaBoardTotals>()).RunAsync(ct: Ct));

        var stored = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Ideas.Where(i => i.Id == ideaId).Select(i => i.HotScore).SingleAsync(Ct));
        Assert.Equal(halfADay.Of(times.Order()), stored, tolerance: 1e-9);
        Assert.NotEqual(new HotScore(HotScore.DefaultHalfLifeDays).Of(times.Order()), stored, 3);

        // Back to the configured half-life, as the app runs.
        await app.WithScopeAsync(s => s.GetRequiredService<IdeaReindex>().RunAsync(ct: Ct));
    }

    /// <summary>An idea posted through the API with three votes: an enterprise advocate and two employees.</summary>
    private async Task<(Guid IdeaId, Guid AccountId)> IdeaWithVotesAsync(string title)
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        using var posted = await author.PostAsJsonAsync("/api/v1/ideas", new { title, description = "Our reference managers ask for it weekly." }, Ct);
        var ideaId = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!.Id;
        var advocate = await app.AddUserAsync(Roles.Advocate);
        var accountId = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = $"Reindex Corp {Guid.NewGuid():N}", Segment = Segment.Enterprise, AnnualRevenue = 1_000_000, GrossProfit = 400_000 };
            var contact = new Contact { Account = account, FirstName = "Rea", LastName = "Index" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(Ct);
            await db.Users.Where(u => u.Id == advocate.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ContactId, contact.Id), Ct);
            return account.Id;
        });
        using var customer = app.ClientWithToken(await app.CreateTokenAsync(advocate.Id));
        using var first = await app.ClientForAsync(Roles.Seller);
        using var second = await app.ClientForAsync(Roles.Executive);
        foreach (var voter in new[] { customer, first, second })
        {
            using var voted = await voter.PostAsync($"/api/v1/ideas/{ideaId}/votes", null, Ct);
            voted.EnsureSuccessStatusCode();
        }
        return (ideaId, accountId);
    }

    private Task<Snapshot> SnapshotAsync(Guid ideaId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var idea = await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == ideaId, Ct);
        var terms = await db.IdeaTerms.Where(t => t.IdeaId == ideaId).Select(t => t.Term).OrderBy(t => t).ToListAsync(Ct);
        var facets = await db.IdeaDemands.Where(d => d.IdeaId == ideaId).Select(d => d.Facet).OrderBy(f => f).ToListAsync(Ct);
        return new Snapshot(idea.HotScore, idea.VoteCount, idea.VoterAccounts, idea.ValueRevenue, terms, facets);
    });

    private sealed record Snapshot(double HotScore, int Votes, int Accounts, double Revenue, List<string> Terms, List<string> Facets)
    {
        public override string ToString() => $"{Votes} votes, {string.Join(' ', Terms)}, {string.Join(' ', Facets)}";
    }
}
